import type { ReactNode } from "react";
import { Button, Card, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Notice } from "../../shell";
import { ArrowLeft16Regular } from "@fluentui/react-icons";
import { childAgeInMonths, referralFormSections, type ReferralField } from "../../../src/schemas/referrals/referral";
import { SUPPORT_PLAN_FIELDS } from "../../../src/schemas/lift-outcomes/outcome";
import type { ReferralRecord } from "../api";
import { formatDate, formatDateTime, getAt, ukToday } from "../draft";
import { StatusBadge } from "./StatusBadge";
import { ReferralDocuments } from "./ReferralDocuments";
import { sharedStyles } from "../../shell/styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "60rem", width: "100%" },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  h2: sharedStyles.h2,
  h3: sharedStyles.h3,
  card: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, gap: tokens.spacingVerticalM },
  facts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(12rem, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    margin: 0,
  },
  list: {
    display: "grid",
    gridTemplateColumns: "minmax(10rem, 16rem) 1fr",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    "@media (max-width: 560px)": { gridTemplateColumns: "1fr" },
  },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  item: {
    gridColumn: "1 / -1",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
  actions: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
});

function display(field: ReferralField, value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  switch (field.kind) {
    case "boolean":
      return value === true ? "Yes" : "No";
    case "date":
      return formatDate(String(value));
    case "choice":
      return field.options?.find((o) => o.value === value)?.label ?? String(value);
    case "multichoice":
      return (value as unknown[]).map((v) => field.options?.find((o) => o.value === v)?.label ?? String(v)).join(", ");
    default:
      // Plain text, rendered by React as text (never as HTML).
      return String(value);
  }
}

function Pair({ term, children }: { term: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{children}</dd>
    </>
  );
}

export interface ReferralDetailsProps {
  record: ReferralRecord;
  backLabel: string;
  onBack: () => void;
  /** Shown above the details (e.g. the confirmation after submitting). */
  notice?: ReactNode;
  /** The referring SENCo may still attach documents (until the meeting has discussed it). */
  canAttachDocuments?: boolean;
}

/** A referral read-only: status, case reference, meeting, the outcome and actions, then the form's answers. */
export function ReferralDetails({ record, backLabel, onBack, notice, canAttachDocuments = false }: ReferralDetailsProps) {
  const styles = useStyles();
  const sections = referralFormSections(record.variant);
  const draft = record.draft;

  return (
    <article className={styles.root} aria-labelledby="referral-title">
      <div>
        <Button appearance="subtle" icon={<ArrowLeft16Regular />} onClick={onBack}>
          {backLabel}
        </Button>
      </div>
      {notice}
      {record.notice ? (
        <Notice intent="warning" layout="multiline" data-testid="meeting-notice" title="Meeting changed">
          {record.notice}
        </Notice>
      ) : null}
      <div className={styles.header}>
        <h2 id="referral-title" className={styles.h2}>
          {record.childName ?? "Referral"}
          {record.caseReference ? ` · ${record.caseReference}` : ""}
        </h2>
        <StatusBadge status={record.status} />
      </div>
      <Card className={styles.card}>
        <dl className={styles.facts}>
          <div>
            <dt className={styles.term}>Case reference</dt>
            <dd className={styles.value} data-testid="case-reference">
              {record.caseReference ?? "Given on submission"}
            </dd>
          </div>
          <div>
            <dt className={styles.term}>LIFT meeting</dt>
            <dd className={styles.value}>{record.meeting ? `${record.meeting.title}, ${formatDateTime(record.meeting.startsAt)}` : "Not yet placed"}</dd>
          </div>
          <div>
            <dt className={styles.term}>School or setting</dt>
            <dd className={styles.value}>{record.settingName}</dd>
          </div>
          <div>
            <dt className={styles.term}>Submitted</dt>
            <dd className={styles.value}>{record.submittedAt ? formatDateTime(record.submittedAt) : "Not yet"}</dd>
          </div>
        </dl>
      </Card>

      {record.outcome ? (
        <Card className={styles.card} aria-labelledby="outcome-title">
          <h3 id="outcome-title" className={styles.h3}>
            Outcome from LIFT
          </h3>
          <dl className={styles.list}>
            <Pair term="Outcome">{record.outcome.categories.join(", ") || "Recorded"}</Pair>
            {record.outcome.summary ? <Pair term="Summary">{record.outcome.summary}</Pair> : null}
            {record.outcome.allocatedTeacherName ? <Pair term="Specialist teacher allocated">{record.outcome.allocatedTeacherName}</Pair> : null}
            {record.outcome.approvedAt ? <Pair term="Approved">{formatDateTime(record.outcome.approvedAt)}</Pair> : null}
          </dl>
          {record.outcome.supportPlan ? (
            <>
              <h3 className={styles.h3}>Support plan</h3>
              <dl className={styles.list} data-testid="support-plan">
                {SUPPORT_PLAN_FIELDS.map((f) =>
                  record.outcome?.supportPlan?.[f.key] ? (
                    <Pair key={f.key} term={f.label}>
                      {record.outcome.supportPlan[f.key]}
                    </Pair>
                  ) : null,
                )}
                {record.outcome.supportPlan.reviewDate ? <Pair term="Review date">{formatDate(record.outcome.supportPlan.reviewDate)}</Pair> : null}
              </dl>
            </>
          ) : null}
          <h3 className={styles.h3}>Actions for the school</h3>
          {record.outcome.actions.length === 0 ? (
            <p className={styles.muted}>No actions recorded.</p>
          ) : (
            <ul className={styles.actions}>
              {record.outcome.actions.map((action, i) => (
                <li key={action.id ?? i}>
                  {action.description} — {action.owner}, by {formatDate(action.dueDate)}
                  {action.done ? " (done)" : ""}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}

      {sections.map((section) => (
        <Card key={section.id} className={styles.card} aria-labelledby={`view-${section.id}`}>
          <h3 id={`view-${section.id}`} className={styles.h3}>
            {section.title}
          </h3>
          <dl className={styles.list}>
            {section.fields.map((field) => {
              if (field.kind === "list") {
                const items = getAt(draft, field.path);
                const list = Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
                return (
                  <Pair key={field.path} term={field.label}>
                    {list.length === 0
                      ? "None"
                      : list.map((item, i) => (
                          <dl key={i} className={mergeClasses(styles.list, styles.item)}>
                            {(field.itemFields ?? []).map((itemField) => {
                              const text = display(itemField, item[itemField.path]);
                              return text === undefined ? null : (
                                <Pair key={itemField.path} term={itemField.label}>
                                  {text}
                                </Pair>
                              );
                            })}
                          </dl>
                        ))}
                  </Pair>
                );
              }
              const text =
                field.path === "child.ageInMonths"
                  ? (record.ageInMonths ?? childAgeInMonths(getAt(draft, "child.dateOfBirth"), ukToday()))?.toString()
                  : field.path === "meeting.meetingId"
                    ? record.meeting?.title
                    : display(field, getAt(draft, field.path));
              return text === undefined ? null : (
                <Pair key={field.path} term={field.label}>
                  {text}
                </Pair>
              );
            })}
          </dl>
        </Card>
      ))}

      <ReferralDocuments referralId={record.id} canAttach={canAttachDocuments} />

      {record.history && record.history.length > 0 ? (
        <Card className={styles.card} aria-labelledby="history-title">
          <h3 id="history-title" className={styles.h3}>
            History
          </h3>
          <ul className={styles.actions}>
            {record.history.map((h, i) => (
              <li key={i}>
                {formatDateTime(h.at)}: {h.action} ({h.byName})
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </article>
  );
}
