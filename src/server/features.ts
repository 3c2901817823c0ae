/**
 * Every feature the app runs, in order. Add a feature here and start-up provisions its lists,
 * mounts its API, seeds its demo data and starts its background jobs.
 */
import type { Feature } from "./feature";
import { kpiFeature } from "./features/kpi";
import { liftMeetingsFeature } from "./features/lift-meetings";
import { liftOutcomesFeature } from "./features/lift-outcomes";
import { referralsFeature } from "./referrals";
import { remindersFeature } from "./reminders";

export const FEATURES: readonly Feature[] = [referralsFeature, liftMeetingsFeature, liftOutcomesFeature, kpiFeature, remindersFeature];
