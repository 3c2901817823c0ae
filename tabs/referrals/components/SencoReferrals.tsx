import { useEffect, useMemo, useState } from "react";
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Add16Regular, ArrowClockwise16Regular } from "@fluentui/react-icons";
import { LoadView, Notice, lazyPart, useLoad, useSession } from "../../shell";
import { referralsApi, type ReferralRecord } from "../api";
import { formatDateTime } from "../draft";
import { ReferralList } from "./ReferralList";
import { useOpenReferral } from "../use-open-referral";
import { sharedStyles } from "../../shell/styles";

// The list is the first paint; a referral, to read or to edit (the form and the rules it checks
// with), loads when opened.
const ReferralDetails = lazyPart(() => import("./ReferralDetails").then((m) => m.ReferralDetails), "the referral");
const ReferralEditor = lazyPart(() => import("./ReferralEditor").then((m) => m.ReferralEditor), "the referral");

const useStyles = makeStyles({
  root: sharedStyles.column,
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  h2: sharedStyles.h2,
  intro: sharedStyles.intro,
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  empty: {
    padding: tokens.spacingHorizontalXL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

type View =
  | { kind: "list" }
  | { kind: "new"; key: number }
  | { kind: "edit"; record: ReferralRecord }
  | { kind: "view"; record: ReferralRecord; justSubmitted?: boolean };

/** The SENCo's "My referrals": the list, a new or continued draft, or a submitted referral read-only. */
export function SencoReferrals() {
  const styles = useStyles();
  const { me, api } = useSession();
  const rapi = useMemo(() => referralsApi(api), [api]);
  const [view, setView] = useState<View>({ kind: "list" });
  const opener = useOpenReferral(rapi, (record) => setView(record.status === "draft" ? { kind: "edit", record } : { kind: "view", record }));

  // Loaded afresh each time the list is shown again (a draft may have been saved or submitted meanwhile).
  const { state: list, reload } = useLoad(view.kind === "list" ? "mine" : undefined, () => rapi.list({ scope: "mine" }));

  // Each view starts at the top of the page (the form is long).
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [view]);

  const toList = () => setView({ kind: "list" });

  if (view.kind === "new" || view.kind === "edit") {
    return (
      <ReferralEditor
        key={view.kind === "new" ? `new-${view.key}` : view.record.id}
        initial={view.kind === "edit" ? view.record : undefined}
        onBack={toList}
        onSubmitted={(record) => setView({ kind: "view", record, justSubmitted: true })}
      />
    );
  }

  if (view.kind === "view") {
    const r = view.record;
    return (
      <ReferralDetails
        record={r}
        backLabel="Back to my referrals"
        onBack={toList}
        canAttachDocuments={r.status === "submitted" || r.status === "scheduled"}
        notice={
          view.justSubmitted ? (
            <Notice intent="success" layout="multiline" data-testid="submitted-notice" title="Referral submitted">
              Case reference <strong>{r.caseReference}</strong>
              {r.meeting ? `, on ${r.meeting.title} (${formatDateTime(r.meeting.startsAt)})` : ""}. You will see the outcome
              here once LIFT has met.
            </Notice>
          ) : undefined
        }
      />
    );
  }

  return (
    <section className={styles.root} aria-labelledby="my-referrals-title">
      <div className={styles.header}>
        <h2 id="my-referrals-title" className={styles.h2}>
          Referrals from {me.setting?.name ?? "your setting"}
        </h2>
        <div className={styles.buttons}>
          <Button appearance="subtle" icon={<ArrowClockwise16Regular />} onClick={() => void reload()}>
            Refresh
          </Button>
          <Button appearance="primary" icon={<Add16Regular />} onClick={() => setView({ kind: "new", key: Date.now() })}>
            New referral
          </Button>
        </div>
      </div>
      <Text as="p" className={styles.intro}>
        Drafts stay here until you submit them. Once submitted, each referral shows its case reference, its LIFT meeting and,
        after the meeting, the outcome and the actions for your school.
      </Text>
      {opener.error ? (
        <Notice intent="error" title="Could not open the referral">
          {opener.error}
        </Notice>
      ) : null}
      {opener.opening ? <Spinner size="small" label="Opening the referral…" /> : null}
      <LoadView
        state={list}
        what="your referrals"
        empty={
          <div className={styles.empty}>
            <Text>You have no referrals yet. Start one with New referral.</Text>
          </div>
        }
      >
        {(items) => <ReferralList items={items} showChild label="My referrals" onOpen={(item) => void opener.open(item)} />}
      </LoadView>
    </section>
  );
}
