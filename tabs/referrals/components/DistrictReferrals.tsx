import { useMemo, useState } from "react";
import { Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { LoadView, Notice, lazyPart, useLoad, useSession } from "../../shell";
import { referralsApi, type LiftMeetingSummary, type ReferralRecord } from "../api";
import { academicYearOf, firstDayOfAcademicYear } from "../../../src/domain/time/academic-year";
import { formatDateTime, ukToday } from "../draft";
import { ReferralList } from "./ReferralList";
import { useOpenReferral } from "../use-open-referral";
import { sharedStyles } from "../../shell/styles";

// A referral loads when opened; the district's list is the first paint.
const ReferralDetails = lazyPart(() => import("./ReferralDetails").then((m) => m.ReferralDetails), "the referral");

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "60rem" },
  h2: sharedStyles.h2,
  intro: sharedStyles.intro,
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  filter: { minWidth: "16rem", flexGrow: 1, maxWidth: "36rem" },
  empty: sharedStyles.empty,
});

/** 1 September of the current academic year: meetings from then on can be filtered by. */
export function academicYearStart(today: string): string {
  return firstDayOfAcademicYear(academicYearOf(today));
}

/** Both kinds of meeting of a district, merged and sorted (the list endpoint is per kind). */
export async function districtMeetings(
  rapi: ReturnType<typeof referralsApi>,
  district: string | undefined,
  from: string,
): Promise<LiftMeetingSummary[]> {
  const results = await Promise.allSettled(
    (["school", "early-years"] as const).map((kind) => rapi.meetings({ district, kind, from })),
  );
  const ok = results.flatMap((r) => (r.status === "fulfilled" ? r.value : []));
  if (ok.length === 0) {
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  }
  const byId = new Map(ok.map((m) => [m.id, m]));
  return [...byId.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** LIFT members and leads: the district's submitted referrals, filterable by LIFT meeting. */
export function DistrictReferrals({ districtName }: { districtName: string }) {
  const styles = useStyles();
  const { me, api } = useSession();
  const rapi = useMemo(() => referralsApi(api), [api]);
  const district = me.district?.slug;
  const { state: meetingsState } = useLoad(district ?? "", () => districtMeetings(rapi, district, academicYearStart(ukToday())));
  const meetings = meetingsState.kind === "ready" ? meetingsState.value : undefined;
  const meetingsError = meetingsState.kind === "error" ? meetingsState.message : undefined;
  const [meetingId, setMeetingId] = useState("");
  const { state: list } = useLoad(meetingId, () => rapi.list({ scope: "district", meeting: meetingId || undefined }));
  const [open, setOpen] = useState<ReferralRecord | undefined>(undefined);
  const opener = useOpenReferral(rapi, setOpen);

  if (open) {
    return <ReferralDetails record={open} backLabel="Back to the district's referrals" onBack={() => setOpen(undefined)} />;
  }

  const chosen = meetings?.find((m) => m.id === meetingId);
  return (
    <section className={styles.root} aria-labelledby="district-referrals-title">
      <h2 id="district-referrals-title" className={styles.h2}>
        Referrals for {districtName}
      </h2>
      <Text as="p" className={styles.intro}>
        The referrals schools and settings have submitted to the district&apos;s LIFT meetings. Drafts are not shown.
      </Text>
      <div className={styles.filters}>
        <Field className={styles.filter} label="Show referrals for" hint={meetingsError ? `Could not load the meetings: ${meetingsError}` : undefined}>
          <Select value={meetingId} onChange={(_, d) => setMeetingId(d.value)} disabled={meetings === undefined && !meetingsError}>
            <option value="">All LIFT meetings</option>
            {(meetings ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.title} — {formatDateTime(m.startsAt)}
                {m.status === "cancelled" ? " (cancelled)" : ""}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {opener.error ? (
        <Notice intent="error" title="Could not open the referral">
          {opener.error}
        </Notice>
      ) : null}
      <LoadView
        state={list}
        what="the referrals"
        empty={<p className={styles.empty}>{chosen ? `No referrals on ${chosen.title} yet.` : "No referrals have been submitted yet."}</p>}
      >
        {(items) => (
        <ReferralList
          items={items}
          showChild
          showSetting
          label={chosen ? `Referrals for ${chosen.title}` : "Submitted referrals"}
          onOpen={(item) => void opener.open(item)}
        />
        )}
      </LoadView>
    </section>
  );
}
