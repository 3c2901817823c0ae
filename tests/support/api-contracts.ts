/**
 * Every API route contract, for the tests: the shared client checks each 2xx answer against its
 * route's response schema, and tests/app/openapi.test.ts checks this list against what the app mounts.
 */
import type { RouteContract } from "../../src/schemas/core/contract";
import { adminApi } from "../../src/schemas/admin/api";
import { structureApi } from "../../src/schemas/admin/structure-api";
import { caseworkApi } from "../../src/schemas/casework/api";
import { coreApi } from "../../src/schemas/core/api";
import { dataProtectionApi } from "../../src/schemas/data-protection/api";
import { kpiApi } from "../../src/schemas/kpi/api";
import { liftMeetingsApi } from "../../src/schemas/lift-meetings/api";
import { liftOutcomesApi } from "../../src/schemas/lift-outcomes/api";
import { referralsApi } from "../../src/schemas/referrals/api";
import { referralDocumentsApi } from "../../src/schemas/referral-documents/api";
import { remindersApi } from "../../src/schemas/reminders/api";
import { settingsRegisterApi } from "../../src/schemas/settings-register/api";
import { trainingEventsApi } from "../../src/schemas/training-events/api";
import { questionnairesApi } from "../../src/schemas/questionnaires/api";
import { localityReportApi } from "../../src/schemas/locality-report/api";

export const ALL_ROUTES: ReadonlyArray<{ name: string; contract: RouteContract }> = [coreApi, referralsApi, liftMeetingsApi, liftOutcomesApi, kpiApi, remindersApi, caseworkApi, dataProtectionApi, settingsRegisterApi, adminApi, structureApi, trainingEventsApi, questionnairesApi, referralDocumentsApi, localityReportApi].flatMap(
  (api) => Object.entries(api).map(([name, contract]) => ({ name, contract: contract as RouteContract })),
);

const matchers = ALL_ROUTES.map((r) => ({
  ...r,
  regexp: new RegExp(`^/api${r.contract.path.replace(/:[^/]+/g, "[^/]+")}/?$`),
  params: (r.contract.path.match(/:/g) ?? []).length,
}));

/** The contract of `METHOD /api/...` (query string ignored); a literal segment wins over a parameter. */
export function contractFor(method: string, path: string): { name: string; contract: RouteContract } | undefined {
  const bare = path.split("?")[0] ?? path;
  return matchers.filter((m) => m.contract.method === method.toUpperCase() && m.regexp.test(bare)).sort((a, b) => a.params - b.params)[0];
}

/** Throws when a success answer does not match its route's declared schema (or the route has none). */
export function checkAnswer(method: string, path: string, status: number, body: unknown): void {
  if (status < 200 || status >= 300 || !path.startsWith("/api/")) return;
  const found = contractFor(method, path);
  if (!found) throw new Error(`${method} ${path} answered ${status} but no contract declares it`);
  const declared = found.contract.responses[status];
  if (declared === undefined) throw new Error(`${method} ${path} answered ${status}, which ${found.name} does not declare`);
  if (declared === null) {
    if (body !== undefined) throw new Error(`${method} ${path} (${found.name}) answered ${status} with a body; the contract says none`);
    return;
  }
  if ("file" in declared) return;
  const result = declared.safeParse(body);
  if (!result.success) {
    throw new Error(`${method} ${path} (${found.name}) answered ${status} with a body its contract does not allow:\n${result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
}
