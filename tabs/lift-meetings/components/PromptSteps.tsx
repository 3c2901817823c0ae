import { useEffect, useRef, useState } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronLeft16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import { SOLUTION_FOCUSED_PROMPTS } from "../../../src/schemas/lift-outcomes/outcome";
import type { AgendaCase, RunState } from "../api";
import { useNow } from "../hooks";
import { mmss } from "../labels";

const useStyles = makeStyles({
  timers: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXL },
  timer: { display: "flex", flexDirection: "column" },
  clock: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  over: { color: tokens.colorPaletteRedForeground1 },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  step: { paddingLeft: tokens.spacingHorizontalXS },
  currentStep: { fontWeight: tokens.fontWeightSemibold },
  prompt: { margin: `${tokens.spacingVerticalXXS} 0 0`, fontWeight: tokens.fontWeightRegular },
  nav: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
});

/** A step's share of a case's slot: the prompts' minutes are for a 20-minute slot. */
function stepSeconds(step: number, slotMinutes: number): number {
  const total = SOLUTION_FOCUSED_PROMPTS.reduce((sum, p) => sum + p.minutes, 0);
  const minutes = SOLUTION_FOCUSED_PROMPTS[step]?.minutes ?? 0;
  return Math.round(((minutes * slotMinutes) / Math.max(total, slotMinutes)) * 60);
}

/**
 * When the case started: the server's `startedAt` when it is believable from this browser's clock
 * (a clock set differently, or a run started long ago, would show nonsense), else when this panel
 * first saw the case.
 */
function caseStart(run: RunState, seenAt: number, slotSeconds: number, now: number): number {
  const server = Date.parse(run.startedAt);
  if (Number.isFinite(server) && server <= now + 5_000 && now - server <= slotSeconds * 3_000) return server;
  return seenAt;
}

export interface PromptStepsProps {
  entry: AgendaCase;
  run: RunState;
  canRun: boolean;
  onStep: (step: number) => void;
}

/**
 * The solution-focused steps for the current case, with a countdown for the step and for the case.
 * The clocks are silent to screen readers (role timer); a polite status line speaks only when a step
 * or the case is nearly out of time and when it is up.
 */
export function PromptSteps({ entry, run, canRun, onStep }: PromptStepsProps) {
  const styles = useStyles();
  const now = useNow(1000);
  const seenAt = useRef(Date.now());
  const stepSeen = useRef({ step: run.step, at: Date.now() });
  if (stepSeen.current.step !== run.step) stepSeen.current = { step: run.step, at: Date.now() };
  const said = useRef(new Set<string>());
  const [announcement, setAnnouncement] = useState("");

  const slotSeconds = entry.minutes * 60;
  const caseLeft = slotSeconds - (now - caseStart(run, seenAt.current, slotSeconds, now)) / 1000;
  const stepLeft = stepSeconds(run.step, entry.minutes) - (now - stepSeen.current.at) / 1000;
  const stepName = SOLUTION_FOCUSED_PROMPTS[run.step]?.step ?? "";

  useEffect(() => {
    const say = (key: string, text: string) => {
      if (said.current.has(key)) return;
      said.current.add(key);
      setAnnouncement(text);
    };
    if (caseLeft <= 0) say("case-0", `Time is up for ${entry.caseReference}.`);
    else if (caseLeft <= 120) say("case-2", `Two minutes left for ${entry.caseReference}.`);
    else if (stepLeft <= 0) say(`step-${run.step}-0`, `Time is up for ${stepName}.`);
    else if (stepLeft <= 60) say(`step-${run.step}-1`, `One minute left for ${stepName}.`);
  }, [caseLeft, stepLeft, run.step, stepName, entry.caseReference]);

  return (
    <>
      <div className={styles.timers}>
        <div className={styles.timer}>
          <span className={styles.label} id="step-timer-label">
            {stepName}: time left
          </span>
          <span role="timer" aria-labelledby="step-timer-label" className={mergeClasses(styles.clock, stepLeft < 0 && styles.over)} data-testid="step-timer">
            {mmss(stepLeft)}
          </span>
        </div>
        <div className={styles.timer}>
          <span className={styles.label} id="case-timer-label">
            Case: time left of {entry.minutes} min
          </span>
          <span role="timer" aria-labelledby="case-timer-label" className={mergeClasses(styles.clock, caseLeft < 0 && styles.over)} data-testid="case-timer">
            {mmss(caseLeft)}
          </span>
        </div>
      </div>
      <div role="status" aria-live="polite" className={styles.hidden}>
        {announcement}
      </div>
      <ol className={styles.steps} aria-label="Solution-focused steps">
        {SOLUTION_FOCUSED_PROMPTS.map((p, i) => (
          <li key={p.step} className={mergeClasses(styles.step, i === run.step && styles.currentStep)} aria-current={i === run.step ? "step" : undefined}>
            {p.step} ({Math.round(stepSeconds(i, entry.minutes) / 60)} min)
            {i === run.step ? <p className={styles.prompt}>{p.prompt}</p> : null}
          </li>
        ))}
      </ol>
      {canRun ? (
        <div className={styles.nav} role="group" aria-label="Move through the steps">
          <Button size="small" icon={<ChevronLeft16Regular />} disabledFocusable={run.step <= 0} onClick={() => onStep(run.step - 1)}>
            Previous step
          </Button>
          <Button
            size="small"
            icon={<ChevronRight16Regular />}
            iconPosition="after"
            disabledFocusable={run.step >= SOLUTION_FOCUSED_PROMPTS.length - 1}
            onClick={() => onStep(run.step + 1)}
          >
            Next step
          </Button>
        </div>
      ) : null}
    </>
  );
}
