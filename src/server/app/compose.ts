/**
 * The composition root: builds every feature in dependency order by constructor injection. A
 * feature's dependencies are typed parameters of its `create…Feature`, so a missing one is a compile
 * error; nothing is looked up at run time and nothing depends on the order of an array.
 *
 *   lift-meetings' list ─▶ referrals ─▶ lift-outcomes ─▶ lift-meetings
 *                               │              └──▶ casework ─▶ kpi (prefill, time to support) ─▶ reminders (return states, reviews due) ─▶ bot
 *                               └─────────────────────┘
 *
 * The operational commands build the features the same way (scripts/command-support.ts).
 */
import type { ListDefinition } from "../../graph/list-definition";
import { openListStore } from "../../graph/site";
import type { BackgroundJob, FeatureContext } from "../core/feature-context";
import type { RouteTable } from "./define-routes";
import { DEMO_PEOPLE } from "../../domain/reference/people";
import { ukDateOf, ukToday } from "../../domain/time/uk-clock";
import { runDemoSeeds, type DemoSeedStep } from "../core/demo-seeds";
import { createAdminFeature, graphDirectory, localDirectory, type AdminFeature } from "../features/admin";
import { CASEWORK_LISTS, createCaseworkFeature, type CaseworkFeature } from "../features/casework";
import { createKpiFeature, KPI_LISTS, type KpiFeature } from "../features/kpi";
import { combinePrefill, referralListsPrefill } from "../features/kpi/prefill";
import { createLiftMeetingsFeature, LIFT_MEETING_LISTS, LiftMeetingsList, type LiftMeetingsFeature } from "../features/lift-meetings";
import { createLiftOutcomesFeature, LIFT_OUTCOME_LISTS, type LiftOutcomesFeature } from "../features/lift-outcomes";
import { createDataProtectionFeature, DATA_PROTECTION_LISTS, type DataProtectionFeature } from "../features/data-protection";
import { createReferralsFeature, REFERRAL_LISTS, type ReferralsFeature } from "../features/referrals";
import { createReferralDocumentsFeature, REFERRAL_DOCUMENT_LIBRARIES, REFERRAL_DOCUMENT_LISTS, type ReferralDocumentsFeature } from "../features/referral-documents";
import type { LibraryDefinition } from "../../graph/library";
import { createOutboxNotices, createRemindersFeature, REMINDER_LISTS, type RemindersFeature } from "../features/reminders";
import type { Operations } from "../core/operations/operations";
import { createSettingsRegisterFeature, type SettingsRegisterFeature } from "../features/settings-register";
import { settingsRegisterPrefill } from "../features/settings-register/prefill";
import { createTrainingEventsFeature, TRAINING_EVENTS_LISTS, type TrainingEventsFeature } from "../features/training-events";
import { trainingEventsPrefill } from "../features/training-events/prefill";
import { createQuestionnairesFeature, QUESTIONNAIRE_LISTS, type QuestionnairesFeature } from "../features/questionnaires";
import { questionnairesPrefill } from "../features/questionnaires/prefill";
import { createLocalityReportFeature, type LocalityReportFeature } from "../features/locality-report";

/** Every feature's lists, provisioned with the core lists before any feature is built. */
export const FEATURE_LISTS: readonly ListDefinition[] = [...LIFT_MEETING_LISTS, ...REFERRAL_LISTS, ...LIFT_OUTCOME_LISTS, ...KPI_LISTS, ...REMINDER_LISTS, ...CASEWORK_LISTS, ...DATA_PROTECTION_LISTS, ...TRAINING_EVENTS_LISTS, ...QUESTIONNAIRE_LISTS, ...REFERRAL_DOCUMENT_LISTS];
/** Every feature's document libraries, provisioned with the lists. */
export const FEATURE_LIBRARIES: readonly LibraryDefinition[] = [...REFERRAL_DOCUMENT_LIBRARIES];

export interface Features {
  referrals: ReferralsFeature;
  liftMeetings: LiftMeetingsFeature;
  liftOutcomes: LiftOutcomesFeature;
  casework: CaseworkFeature;
  kpi: KpiFeature;
  reminders: RemindersFeature;
  /** Core's multi-item writes; its job finishes what a request or a stopped process left pending. */
  operations: Operations;
  dataProtection: DataProtectionFeature;
  settingsRegister: SettingsRegisterFeature;
  admin: AdminFeature;
  trainingEvents: TrainingEventsFeature;
  questionnaires: QuestionnairesFeature;
  referralDocuments: ReferralDocumentsFeature;
  localityReport: LocalityReportFeature;
}

export async function composeFeatures(core: FeatureContext): Promise<Features> {
  // The meetings' list is read by referrals (placing a referral), outcomes and the meetings themselves.
  const meetings = await openListStore(core.site, LiftMeetingsList);
  const referrals = await createReferralsFeature(core, { meetings });
  const referralDocuments = await createReferralDocumentsFeature(core, { referrals: referrals.service });
  // SENCos are told of an operation's changes through the reminders' outbox, once per operation and person.
  const notices = await createOutboxNotices(core);
  const liftOutcomes = await createLiftOutcomesFeature(core, { referrals: referrals.service, notices });
  const liftMeetings = createLiftMeetingsFeature(core, { meetings, referrals: referrals.service, outcomes: liftOutcomes.forMeetings, notices });
  const casework = await createCaseworkFeature(core, { referrals: referrals.service, outcomes: liftOutcomes.service });
  const settingsRegister = createSettingsRegisterFeature(core);
  const trainingEvents = await createTrainingEventsFeature(core);
  // Questionnaires are sent after what the other features record: approved LIFT outcomes (to the
  // SENCos who attended), closed cases, training sessions and transition events.
  const questionnaires = await createQuestionnairesFeature(core, {
    sources: {
      meetings: async () => {
        const approved = (await liftOutcomes.service.stores.outcomes.all({ where: { status: "approved" }, pageSize: 5000 })).map((i) => i.value);
        if (approved.length === 0) return [];
        const registers = new Map((await liftOutcomes.service.stores.attendance.all({ pageSize: 5000 })).map((i) => [i.value.meetingId, i.value.settingIds]));
        const held = new Map((await meetings.all({ pageSize: 5000 })).map((m) => [m.id, m.value]));
        const decided = new Map<string, Set<string>>();
        for (const o of approved) decided.set(o.meetingId, (decided.get(o.meetingId) ?? new Set()).add(o.settingId));
        return [...decided].flatMap(([meetingId, settings]) => {
          const m = held.get(meetingId);
          return m ? [{ meetingId, districtSlug: m.districtSlug, date: ukDateOf(m.startsAt), settingIds: registers.get(meetingId) ?? [...settings] }] : [];
        });
      },
      closedCases: async () =>
        (await casework.service.stores.cases.all({ where: { status: "closed" }, pageSize: 5000 })).flatMap((i) =>
          i.value.closure ? [{ caseId: i.id, districtSlug: i.value.districtSlug, settingId: i.value.settingId, closedAt: i.value.closure.closedAt }] : [],
        ),
      cases: async () =>
        (await casework.service.stores.cases.all({ pageSize: 5000 })).map((i) => ({
          caseId: i.id,
          districtSlug: i.value.districtSlug,
          childRef: i.value.childRef,
          openedAt: i.value.openedAt,
          ...(i.value.closure ? { closedAt: i.value.closure.closedAt } : {}),
        })),
      sessions: async () => (await trainingEvents.service.stores.sessions.all({ pageSize: 5000 })).map((i) => ({ sessionId: i.id, ...i.value })),
      events: async () => (await trainingEvents.service.stores.events.all({ pageSize: 5000 })).map((i) => ({ eventId: i.id, ...i.value })),
    },
  });
  const districtReferrals = async (districtSlug: string) => (await referrals.service.stores.referrals.all({ where: { districtSlug }, pageSize: 5000 })).map((i) => i.value);
  const districtMeetings = async (districtSlug: string) => (await meetings.all({ where: { districtSlug }, pageSize: 5000 })).map((i) => ({ id: i.id, ...i.value }));
  // The KPI return is prefilled from what the referrals and meetings lists record, from casework, and
  // the "% of settings" figures from the settings register.
  const prefill = combinePrefill([
    // First: answers the app collected win over evaluation counts typed in from paper forms.
    questionnairesPrefill({ termRecords: (districtSlug, year, term) => questionnaires.service.termRecords(districtSlug, year, term) }),
    referralListsPrefill({
      referrals: districtReferrals,
      meetings: districtMeetings,
      attendance: async (districtSlug) => (await liftOutcomes.service.stores.attendance.all({ where: { districtSlug }, pageSize: 5000 })).map((i) => i.value),
      terms: async () => (await core.reference.calendar()).terms,
      settingPhases: async () => new Map((await core.reference.settings()).map((s) => [s.id, s.phase])),
    }),
    { prefill: async (districtSlug, districtName, term, now) => (await casework.service.figuresFor(districtSlug, districtName, term, now)).figures },
    settingsRegisterPrefill({
      settings: () => core.reference.settings(),
      referrals: districtReferrals,
      meetings: districtMeetings,
      cases: async (districtSlug) => (await casework.service.stores.cases.all({ where: { districtSlug }, pageSize: 5000 })).filter((i) => i.value.team === "district").map((i) => ({ id: i.id, ...i.value })),
      visits: async () => (await casework.service.stores.visits.all({ pageSize: 5000 })).map((i) => i.value),
      clinics: async (districtSlug) => (await casework.service.stores.clinics.all({ where: { districtSlug }, pageSize: 5000 })).map((i) => i.value),
      // KPI 1.2 counts settings whose staff came to the district's training too.
      trainingSessions: async (districtSlug) => (await trainingEvents.service.stores.sessions.all({ where: { districtSlug }, pageSize: 5000 })).map((i) => i.value),
    }),
    // Training and transition measures from the sessions and events recorded.
    trainingEventsPrefill({
      sessions: async (districtSlug) => (await trainingEvents.service.stores.sessions.all({ where: { districtSlug }, pageSize: 5000 })).map((i) => i.value),
      events: async (districtSlug) => (await trainingEvents.service.stores.events.all({ where: { districtSlug }, pageSize: 5000 })).map((i) => i.value),
      settings: () => core.reference.settings(),
    }),
  ]);
  // The summary's time to support: casework's waits, per district and term.
  const timeToSupport = {
    waits: async (districts: readonly string[], year: string, terms?: readonly number[]) =>
      (await casework.service.waitsFor(districts, year, terms)).rows.map(({ districtSlug, term, stage, count, medianDays }) => ({ districtSlug, term, stage, count, medianDays })),
  };
  const kpi = await createKpiFeature(core, { prefill, timeToSupport });
  const reminders = await createRemindersFeature(core, { returns: kpi.returnStatus, reviews: { due: (now) => casework.service.reviewsDue(now) } });
  // Subject access and erasure reach every list that can hold a child's data, through the features that own them.
  const dataProtection = await createDataProtectionFeature(core, {
    data: { ...referrals.service.stores, ...liftOutcomes.service.stores, ...casework.service.stores, outbox: reminders.service.deps.outbox, documents: referralDocuments.service },
  });
  // The calendar's preview shows the reminders already written down and the meetings planned; people
  // are looked up in Entra ID in tenant mode, among the local identity provider's demo users otherwise.
  const admin = createAdminFeature(core, {
    dependents: {
      remindersPlanned: async (periods) => {
        const counts = new Map<string, number>();
        for (const row of await reminders.service.deps.outbox.all({ pageSize: 5000 })) {
          if (row.value.kind !== "return") continue;
          if (periods.includes(row.value.period)) counts.set(row.value.period, (counts.get(row.value.period) ?? 0) + 1);
        }
        return counts;
      },
      meetingDates: async (from, to) => (await meetings.all({ pageSize: 5000 })).map((m) => ukDateOf(m.value.startsAt)).filter((d) => d >= from && d <= to),
    },
    directory:
      core.config.graph.mode === "tenant"
        ? graphDirectory(core.site.api)
        : localDirectory(async () => DEMO_PEOPLE.map((p) => ({ oid: p.oid, displayName: p.displayName, upn: p.upn }))),
    // The LIFT groups' cadence counts the districts' planned meetings.
    meetings: {
      meetings: async (districtSlugs) =>
        (await Promise.all(districtSlugs.map((d) => districtMeetings(d)))).flat().map((m) => ({ districtSlug: m.districtSlug, kind: m.kind, ...(m.liftGroupId ? { liftGroupId: m.liftGroupId } : {}), startsAt: m.startsAt, status: m.status })),
    },
  });
  // The locality report counts the same records as the prefill, by the setting each came from.
  const localityReport = createLocalityReportFeature(core, {
    records: {
      referrals: districtReferrals,
      meetings: districtMeetings,
      cases: async (districtSlug) =>
        (await casework.service.stores.cases.all({ where: { districtSlug }, pageSize: 5000 }))
          .filter((i) => i.value.team === "district")
          .map((i) => ({ id: i.id, settingId: i.value.settingId, openedAt: i.value.openedAt, ...(i.value.closure ? { closedAt: i.value.closure.closedAt } : {}) })),
      visits: async () => (await casework.service.stores.visits.all({ pageSize: 5000 })).map((i) => i.value),
      clinics: async (districtSlug) => (await casework.service.stores.clinics.all({ where: { districtSlug }, pageSize: 5000 })).map((i) => i.value),
      trainingSessions: async (districtSlug) => (await trainingEvents.service.stores.sessions.all({ where: { districtSlug }, pageSize: 5000 })).map((i) => i.value),
    },
  });
  return { referrals, liftMeetings, liftOutcomes, casework, kpi, reminders, dataProtection, operations: core.operations, settingsRegister, admin, trainingEvents, questionnaires, referralDocuments, localityReport };
}

/** Every feature's API routes, mounted under /api (one router per URL prefix: README.md in this folder). */
export function featureRoutes(f: Features): RouteTable[] {
  return [f.referrals.routes, f.liftMeetings.routes, f.liftOutcomes.routes, f.kpi.routes, f.reminders.routes, f.casework.routes, f.dataProtection.routes, f.settingsRegister.routes, f.admin.routes, f.trainingEvents.routes, f.questionnaires.routes, f.referralDocuments.routes, f.localityReport.routes];
}

/**
 * Demo activity for a fresh DATA_DIR: referrals place cases on meetings, agendas take those cases,
 * outcomes are recorded on them, cases open from the approved outcomes, the KPI returns, and last
 * the settings register (the activity above is built around the demo schools). Each step is idempotent;
 * a step seeded today is skipped after one probe (../core/demo-seeds.ts), which keeps a restart fast.
 */
export async function seedDemo(f: Features, ctx: FeatureContext): Promise<string[]> {
  const steps: DemoSeedStep[] = [
    { feature: "referrals", version: 1, seed: () => f.referrals.seedDemo() },
    { feature: "lift-meetings", version: 1, seed: () => f.liftMeetings.seedDemo() },
    { feature: "lift-outcomes", version: 1, seed: () => f.liftOutcomes.seedDemo() },
    { feature: "casework", version: 1, seed: () => f.casework.seedDemo() },
    { feature: "kpi", version: 1, seed: () => f.kpi.seedDemo() },
    { feature: "settings-register", version: 1, variant: ctx.config.demoRegister ? undefined : "register-off", seed: () => f.settingsRegister.seedDemo() },
    // After the register: the sessions' attendance is drawn from the district's settings.
    { feature: "training-events", version: 1, seed: () => f.trainingEvents.seedDemo() },
    { feature: "questionnaires", version: 1, seed: () => f.questionnaires.seedDemo() },
    // Last: localities and LIFT groups for settings the steps above gave activity to.
    { feature: "locality-report", version: 1, seed: () => f.localityReport.seedDemo() },
  ];
  return runDemoSeeds(ctx.stores.demoSeeds, steps, ukToday(ctx.now()), ctx.now);
}

/** Background work started once the server listens: the summary refresh, the reminder scheduler and the operations' tick. */
export function startJobs(f: Features): BackgroundJob[] {
  return [f.kpi.start(), f.reminders.start(), f.operations.start(), f.questionnaires.start()].filter((job): job is BackgroundJob => job !== undefined);
}
