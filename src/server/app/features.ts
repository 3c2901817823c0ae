/**
 * Every feature the app runs, in order. Add a feature here and start-up provisions its lists,
 * mounts its API, seeds its demo data and starts its background jobs.
 */
import type { Feature } from "../core/feature-context";
import { kpiFeature } from "../features/kpi";
import { liftMeetingsFeature } from "../features/lift-meetings";
import { liftOutcomesFeature } from "../features/lift-outcomes";
import { referralsFeature } from "../features/referrals";
import { remindersFeature } from "../features/reminders";

export const FEATURES: readonly Feature[] = [referralsFeature, liftMeetingsFeature, liftOutcomesFeature, kpiFeature, remindersFeature];
