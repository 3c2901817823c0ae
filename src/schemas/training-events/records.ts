/**
 * The training-events feature's records: training sessions (KPIs 3.1–3.3 and the Autism Education
 * Trust figures) and transition events (KPIs 4.1 and 4.2), each with the settings that attended (by
 * setting id from the register) and the evaluation answers entered as counts per score. The rules
 * (what counts in which measure) are in src/domain/training-events; background:
 * [KPI framework](../../../docs/reference/service.md#kpi-framework).
 *
 * Nothing here concerns a child: trainers, settings and anonymous answer counts only.
 */
import { z } from "zod";
import { DistrictSlug } from "../reference/district";
import { AreaOfNeed } from "../referrals/referral";

const date = (label: string) => z.iso.date({ message: `Enter the ${label.toLowerCase()} as a date (YYYY-MM-DD)` });
const instant = z.iso.datetime({ message: "Expected a date and time (ISO 8601)" });
const Name = z.string().trim().min(1).max(120);
const Count = z.number({ message: "Enter a whole number" }).int("Enter a whole number").min(0, "Enter 0 or more").max(10_000, "At most 10,000");
const SettingId = z.string().regex(/^[A-Z]{3}-[A-Z]\d+$/, "Choose a school or setting from the register");

/**
 * Paper or Forms returns of the evaluation, typed in by the trainer until the app sends the
 * questionnaire: how many forms came back, and how many answered the KPI question with each score
 * (index 0 = score 1 … index 4 = score 5). A returned form that skipped the question is in
 * `returned` and in no score.
 */
export const EvaluationCounts = z
  .strictObject({
    returned: Count,
    scores: z.array(Count).length(5, "Give a count for each score from 1 to 5"),
  })
  .refine((e) => e.scores.reduce((a, b) => a + b, 0) <= e.returned, { path: ["returned"], message: "Fewer forms returned than answers counted" });
export type EvaluationCounts = z.infer<typeof EvaluationCounts>;

export const TRAINING_AUDIENCES = [
  { value: "staff", label: "School or setting staff" },
  { value: "parents", label: "Parents and carers" },
] as const;
export const TrainingAudience = z.enum(["staff", "parents"], { message: "Choose school or setting staff, or parents and carers" });

/** Autism Education Trust training: which programme, none when the session is not AET. */
export const AET_PROGRAMMES = ["school-age", "early-years", "post-16"] as const;
export const AetProgramme = z.enum(AET_PROGRAMMES, { message: "Choose school age, early years or Post-16" });

export const TrainingSessionItem = z.strictObject({
  districtSlug: DistrictSlug,
  /** The course title: sessions of one course share it (courses are counted by title). */
  title: z.string().trim().min(1, "Enter the course title").max(200),
  /** The area of need the course is about; none = general (e.g. whole-school inclusion). */
  needType: AreaOfNeed.optional(),
  /** The need identified in the district that the course was developed for (KPI 3.3); none = from the core offer. */
  districtNeed: z.string().trim().min(1).max(500).optional(),
  audience: TrainingAudience,
  aet: AetProgramme.optional(),
  date: date("Date"),
  trainerName: Name,
  settingIds: z.array(SettingId).max(500, "At most 500 settings"),
  attendees: Count,
  evaluation: EvaluationCounts.optional(),
  updatedAt: instant,
  updatedByName: Name,
});
export type TrainingSessionItem = z.infer<typeof TrainingSessionItem>;

export const TRANSITION_KINDS = [
  { value: "school", label: "School transition" },
  { value: "early-years", label: "Early years transition" },
] as const;
export const TransitionKind = z.enum(["school", "early-years"], { message: "Choose school transition or early years transition" });

export const TransitionEventItem = z.strictObject({
  districtSlug: DistrictSlug,
  title: z.string().trim().min(1, "Enter the event's title").max(200),
  kind: TransitionKind,
  date: date("Date"),
  /** The attendance register: each school or setting once. */
  settingIds: z.array(SettingId).max(500, "At most 500 settings"),
  /** The transition feedback survey's Q1, one form per setting. */
  evaluation: EvaluationCounts.optional(),
  updatedAt: instant,
  updatedByName: Name,
});
export type TransitionEventItem = z.infer<typeof TransitionEventItem>;

export const TrainingSessionInput = TrainingSessionItem.omit({ updatedAt: true, updatedByName: true });
export type TrainingSessionInput = z.infer<typeof TrainingSessionInput>;
export const TransitionEventInput = TransitionEventItem.omit({ updatedAt: true, updatedByName: true });
export type TransitionEventInput = z.infer<typeof TransitionEventInput>;
