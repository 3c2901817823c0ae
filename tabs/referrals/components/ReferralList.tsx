import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronRight16Regular, Edit16Regular } from "@fluentui/react-icons";
import { YEAR_GROUP_LABELS, type YearGroup } from "../../../src/domain/time/year-groups";
import type { ReferralSummary } from "../api";
import { formatDate, formatDateTime } from "../draft";
import { AREAS_OF_NEED } from "../../../src/schemas/referrals/referral";
import { StatusBadge } from "./StatusBadge";
import { sharedStyles } from "../../shell/styles";

function areaLabel(code: string | undefined): string | undefined {
  return AREAS_OF_NEED.find((a) => a.value === code)?.label ?? code;
}

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  main: { flexGrow: 1, flexBasis: "16rem", minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  titleRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  h3: sharedStyles.h3,
  meta: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  question: { margin: 0, overflowWrap: "anywhere" },
  outcome: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteGreenBorder2}`,
    fontSize: tokens.fontSizeBase200,
  },
  actions: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function yearOrAge(r: ReferralSummary): string | undefined {
  if (r.yearGroup) return YEAR_GROUP_LABELS[r.yearGroup as YearGroup] ?? r.yearGroup;
  if (r.ageInMonths !== undefined) return `${r.ageInMonths} months`;
  return undefined;
}

export interface ReferralListProps {
  items: ReferralSummary[];
  /** Whether the list shows the child's name (not for commissioners). */
  showChild: boolean;
  showSetting?: boolean;
  onOpen?: (item: ReferralSummary) => void;
  /** The list's accessible name. */
  label: string;
}

/** Referrals as a list of cards: readable at side-panel width, one heading per referral. */
export function ReferralList({ items, showChild, showSetting, onOpen, label }: ReferralListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label} data-testid="referral-list">
      {items.map((r) => {
        const title = showChild ? r.childName || "Unnamed child" : r.caseReference ?? "Draft referral";
        const facts = [
          showChild && r.caseReference ? r.caseReference : undefined,
          showSetting ? r.settingName : undefined,
          yearOrAge(r),
          r.primaryArea ? areaLabel(r.primaryArea) : undefined,
          r.meeting ? `${r.meeting.title}, ${formatDateTime(r.meeting.startsAt)}` : undefined,
          r.status === "draft" ? `Last saved ${formatDateTime(r.updatedAt)}` : r.submittedAt ? `Submitted ${formatDate(r.submittedAt)}` : undefined,
        ].filter((f): f is string => Boolean(f));
        return (
          <li key={r.id} className={styles.item} data-testid="referral-item" data-referral-id={r.id}>
            <div className={styles.main}>
              <div className={styles.titleRow}>
                <h3 className={styles.h3}>{title}</h3>
                <StatusBadge status={r.status} />
              </div>
              <p className={styles.meta}>{facts.join(" · ")}</p>
              {r.notice ? (
                <p className={styles.meta} data-testid="meeting-notice">
                  <strong>Meeting changed:</strong> {r.notice}
                </p>
              ) : null}
              {/* Free text can name the child: only for those who may see the referral. */}
              {showChild && r.question ? <p className={styles.question}>{r.question}</p> : null}
              {r.outcome ? (
                <div className={styles.outcome}>
                  <strong>Outcome:</strong> {r.outcome.categories.join(", ") || "recorded"}
                  {r.outcome.summary ? ` — ${r.outcome.summary}` : ""}
                  {r.outcome.actions.length > 0 ? (
                    <ul className={styles.actions} aria-label="Actions for the school">
                      {r.outcome.actions.map((a, i) => (
                        <li key={i}>
                          {a.description} ({a.owner}, by {formatDate(a.dueDate)})
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ) : null}
            </div>
            {onOpen ? (
              <Button
                appearance={r.status === "draft" ? "primary" : "secondary"}
                icon={r.status === "draft" ? <Edit16Regular /> : <ChevronRight16Regular />}
                iconPosition={r.status === "draft" ? "before" : "after"}
                onClick={() => onOpen(r)}
                aria-label={`${r.status === "draft" ? "Continue" : "View"} ${title}`}
              >
                {r.status === "draft" ? "Continue" : "View"}
              </Button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
