import { useEffect, useMemo, useState } from "react";
import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { errorMessage, useSession } from "../../shell";
import { DISTRICTS } from "../../../src/domain/reference/districts";
import { referralsApi, type ReferralSummary } from "../api";
import { ReferralList } from "./ReferralList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "60rem" },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  filter: { maxWidth: "24rem" },
  empty: { margin: 0 },
});

type ListState = { kind: "idle" } | { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; items: ReferralSummary[] };

/**
 * Commissioners do not see referral details: a note saying so, and a district's referrals as a
 * non-identifying summary (case reference, setting, year group, area of need, meeting, status).
 */
export function CommissionerReferrals({ initialDistrict }: { initialDistrict?: string }) {
  const styles = useStyles();
  const { api } = useSession();
  const rapi = useMemo(() => referralsApi(api), [api]);
  const [district, setDistrict] = useState(initialDistrict ?? "");
  const [list, setList] = useState<ListState>({ kind: "idle" });

  useEffect(() => {
    if (!district) {
      setList({ kind: "idle" });
      return undefined;
    }
    let cancelled = false;
    setList({ kind: "loading" });
    rapi
      .list({ scope: "district", district })
      .then((items) => !cancelled && setList({ kind: "ready", items }))
      .catch((error: unknown) => !cancelled && setList({ kind: "error", message: errorMessage(error) }));
    return () => {
      cancelled = true;
    };
  }, [rapi, district]);

  return (
    <section className={styles.root} aria-labelledby="commissioner-referrals-title">
      <h2 id="commissioner-referrals-title" className={styles.h2}>
        LIFT referrals
      </h2>
      <MessageBar intent="info" layout="multiline" data-testid="commissioner-note">
        <MessageBarBody>
          <MessageBarTitle>Referral details are not shown to commissioners</MessageBarTitle>
          Referrals are about individual children, so only the school or setting that wrote them and the district&apos;s
          LIFT team can read them. You can see a summary without anything that identifies a child: case reference,
          school or setting, year group, area of need, meeting and status.
        </MessageBarBody>
      </MessageBar>
      <Field className={styles.filter} label="District">
        <Select value={district} onChange={(_, d) => setDistrict(d.value)}>
          <option value="">Choose a district…</option>
          {DISTRICTS.map((d) => (
            <option key={d.slug} value={d.slug}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      {list.kind === "loading" ? <Spinner label="Loading the summary…" /> : null}
      {list.kind === "error" ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Could not load the summary</MessageBarTitle>
            {list.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {list.kind === "ready" && list.items.length === 0 ? <p className={styles.empty}>No referrals have been submitted yet.</p> : null}
      {list.kind === "ready" && list.items.length > 0 ? (
        <ReferralList items={list.items} showChild={false} showSetting label="Referral summary" />
      ) : null}
    </section>
  );
}
