import { useState } from "react";
import { Badge, Button, Card, makeStyles, tokens } from "@fluentui/react-components";
import { SUPPORT_PLAN_FIELDS } from "../../../src/schemas/lift-outcomes/outcome";
import { ArrowLeft16Regular } from "@fluentui/react-icons";
import { DataTable, FactList, LoadView, Notice, formatDate, formatDateTime, useLoad } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useCaseworkApi, type CaseDetail } from "../api";
import { areaLabel, categoryLabel, closureLabel, inactiveLabel, phaseLabel, resultLabel, seenLabel, senifLabel, stageLabel, statusLabel } from "../labels";
import { TargetsEditor } from "./TargetsEditor";
import { PlanEditor } from "./PlanEditor";
import { ReviewForm } from "./ReviewForm";
import { VisitForm } from "./VisitForm";
import { StatusForm } from "./StatusForm";
import { CloseForm } from "./CloseForm";
import { SenifForm } from "./SenifForm";

const useStyles = makeStyles({
  column: sharedStyles.column,
  card: { ...sharedStyles.card, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  h2: sharedStyles.h2,
  h3: sharedStyles.h3,
  intro: sharedStyles.intro,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

type FullDetail = Extract<CaseDetail, { view: "full" }>;

/** The SENIF request and allocation as the case page states it. */
function senifText(s: FullDetail["case"]["senif"]): string | undefined {
  if (!s) return undefined;
  const requested = `requested ${formatDate(s.requestedAt)}${s.requestedVia === "lift-outcome" ? " at the LIFT" : ""}`;
  if (s.status !== "allocated") return `${senifLabel(s.status)}: ${requested}`;
  const who = `${s.practitionerName ?? "a practitioner"}${s.practitionerRole ? ` (${s.practitionerRole})` : ""}`;
  return `Allocated: ${who}, ${formatDate(s.allocatedAt)}; ${requested}`;
}

/** A case's page (`?case=<id>`): the facts, plan, targets, reviews, visits, status, closure and history. */
export function CaseView({ id, onBack }: { id: string; onBack(): void }) {
  const styles = useStyles();
  const casework = useCaseworkApi();
  const detail = useLoad(id, () => casework.case(id));
  return (
    <div className={styles.column}>
      <div>
        <Button appearance="subtle" icon={<ArrowLeft16Regular />} onClick={onBack}>
          Back to the caseload
        </Button>
      </div>
      <LoadView state={detail.state} what="the case" onRetry={() => void detail.reload()}>
        {(d) =>
          d.view === "full" ? (
            <FullCase detail={d} reload={() => void detail.reload()} />
          ) : (
            <Card className={styles.card}>
              <h2 className={styles.h2}>{d.case.childRef}</h2>
              <Notice intent="info">This case is a colleague&apos;s: you see its setting, need, teacher and status only.</Notice>
              <FactList
                rows={[
                  ["Setting", d.settingName],
                  ["Phase", phaseLabel(d.case.phase)],
                  ["Need", areaLabel(d.case.primaryArea)],
                  ["Specialist teacher", d.case.allocatedTeacherName],
                  ["Status", statusLabel(d.case.status)],
                  ["Opened", formatDate(d.case.openedAt)],
                ]}
              />
            </Card>
          )
        }
      </LoadView>
    </div>
  );
}

function FullCase({ detail, reload }: { detail: FullDetail; reload(): void }) {
  const styles = useStyles();
  const c = detail.case;
  const open = c.status !== "closed";
  const work = detail.access.work && open;
  const targetText = new Map(c.targets.map((t) => [t.id, t.text]));
  const lastChange = c.statusChanges[c.statusChanges.length - 1];
  const [editPlan, setEditPlan] = useState(false);
  return (
    <>
      <Card className={styles.card} data-testid="case-facts">
        <h2 className={styles.h2}>
          Case {c.childRef}{" "}
          <Badge appearance="tint" color={c.status === "closed" ? "informative" : c.status === "open-active" ? "success" : "warning"} data-testid="case-status">
            {statusLabel(c.status)}
          </Badge>
        </h2>
        {detail.reviewOverdue ? <Notice intent="warning" title="Review overdue">The review was due {formatDate(c.nextReviewDue)}.</Notice> : null}
        <FactList
          rows={[
            // The child's name is on the case only without a referral (a direct request or a clinic).
            ["Child", c.child ? `${c.child.preferredName ?? c.child.legalName}` : undefined],
            ["Setting", detail.settingName],
            ["Phase", `${phaseLabel(c.phase)}${c.yearGroup ? ` (${c.yearGroup})` : ""}`],
            ["Need", `${areaLabel(c.primaryArea)}${c.secondaryArea ? `; ${areaLabel(c.secondaryArea)}` : ""}`],
            ["Specialist teacher", c.allocatedTeacherName],
            ["Opened", `${formatDate(c.openedAt)} — ${c.origin.kind === "lift-outcome" ? `from the LIFT outcome (${c.origin.categories.map(categoryLabel).join(", ")})` : c.origin.kind === "clinic" ? "from a clinic" : "on a direct request"}`],
            ["Not actively supported because", c.status === "open-inactive" ? (lastChange?.inactiveReasonText ?? inactiveLabel(lastChange?.inactiveReason)) : undefined],
            ["Next review", c.nextReviewDue ? formatDate(c.nextReviewDue) : undefined],
            ["Closed", c.closure ? `${formatDate(c.closure.closedAt)}: ${closureLabel(c.closure.reason)}${c.closure.reasonText ? ` (${c.closure.reasonText})` : ""}` : undefined],
            ["SENIF practitioner", senifText(c.senif)],
          ]}
        />
      </Card>

      <Card className={styles.card} data-testid="support-plan">
        <h2 className={styles.h2}>Support plan</h2>
        <FactList rows={[...SUPPORT_PLAN_FIELDS.map((f) => [f.label, c.supportPlan[f.key]] as const), ["Review date", formatDate(c.supportPlan.reviewDate)]]} />
        {work ? (
          <div>
            <Button aria-expanded={editPlan} aria-controls="plan-editor" onClick={() => setEditPlan((v) => !v)}>
              {editPlan ? "Close the plan editor" : "Edit the support plan"}
            </Button>
          </div>
        ) : null}
        {work && editPlan ? (
          <div id="plan-editor">
            <PlanEditor key={c.id} record={c} canEdit onSaved={reload} />
          </div>
        ) : null}
      </Card>

      <Card className={styles.card}>
        <h2 className={styles.h2}>Targets</h2>
        <TargetsEditor key={c.id} record={c} canEdit={work} onSaved={reload} />
      </Card>

      <Card className={styles.card} data-testid="reviews">
        <h2 className={styles.h2}>Reviews</h2>
        {detail.reviews.length === 0 ? <p className={styles.intro}>No reviews yet.</p> : null}
        {detail.reviews.map((r) => (
          <section key={r.id} aria-label={`Review of ${formatDate(r.date)}`}>
            <h3 className={styles.h3}>
              {formatDate(r.date)}
              {r.final ? " (final)" : ""} — {r.reviewerName}
            </h3>
            <ul className={styles.list}>
              {r.results.map((res) => (
                <li key={res.targetId}>
                  {targetText.get(res.targetId) ?? "A target"}: {resultLabel(res.result)}
                </li>
              ))}
            </ul>
            <FactList rows={[["Targets amended", r.targetsAmended ? "Yes" : "No"], ["Next review", formatDate(r.nextReviewDate)], ["Notes", r.notes]]} />
          </section>
        ))}
        {work ? <ReviewForm record={c} onRecorded={reload} /> : null}
      </Card>

      <Card className={styles.card} data-testid="visits">
        <h2 className={styles.h2}>Visits</h2>
        {detail.visits.length === 0 ? <p className={styles.intro}>No visits recorded yet.</p> : null}
        {detail.visits.length > 0 ? (
          <DataTable
            aria-label="Visits"
            headers={["Date", "Seen", "Stage", "Advice given", "Next steps"]}
            rows={detail.visits.map((v) => ({ key: v.id, cells: [formatDate(v.date), seenLabel(v.seen), `${stageLabel(v.graduatedApproachStage)}; ${v.standards.section}`, v.adviceGiven, v.nextSteps] }))}
          />
        ) : null}
        {work ? <VisitForm record={c} onRecorded={reload} /> : null}
      </Card>

      {work && c.phase === "early-years" ? (
        <Card className={styles.card}>
          <h2 className={styles.h2}>SENIF practitioner</h2>
          <SenifForm record={c} onSaved={reload} />
        </Card>
      ) : null}

      {work ? (
        <Card className={styles.card}>
          <h2 className={styles.h2}>Status</h2>
          <StatusForm record={c} onSaved={reload} />
        </Card>
      ) : null}

      {work ? (
        <Card className={styles.card} data-testid="close-case">
          <h2 className={styles.h2}>Close the case</h2>
          <CloseForm record={c} reviews={detail.reviews} onClosed={reload} />
        </Card>
      ) : null}

      <Card className={styles.card}>
        <h2 className={styles.h2}>History</h2>
        <DataTable aria-label="History" headers={["When", "What", "Who"]} rows={[...c.history].reverse().map((h, i) => ({ key: String(i), cells: [formatDateTime(h.at), h.action, h.byName] }))} />
      </Card>
    </>
  );
}

