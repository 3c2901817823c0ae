/** Shared pieces of the reminder tests: people, installs over HTTP, and reading what a card says. */
import { DEMO_PEOPLE } from "../../../src/domain/reference/people";
import type { Person } from "../../../src/schemas/reference/person";
import { baseActivity, cardOf, postActivity } from "../../bot/activities";
import type { LocalConnector, RecordedActivity } from "../../support/local-connector";
import type { RunningApp } from "../../../src/server/app/start";
import { measuresFor } from "../../../src/domain/kpi/catalogue";
import { returnVersionKey } from "../../../src/server/features/kpi/lists";

export function person(upn: string): Person {
  const found = DEMO_PEOPLE.find((p) => p.upn === upn);
  if (!found) throw new Error(`no demo person ${upn}`);
  return found;
}

export const leadOf = (slug: string) => person(`lead.${slug}@lift.local`);
export const COMMISSIONER = person("commissioner@lift.local");

export function teamsIdOf(p: Person): string {
  return `29:teams-${p.upn}`;
}

export function chatIdOf(p: Person): string {
  return `a:personal-${p.upn}`;
}

/** The activity fields that make a turn come from this person in their personal chat with the bot. */
export function asPerson(p: Person) {
  return {
    from: { id: teamsIdOf(p), aadObjectId: p.oid, name: p.displayName },
    conversation: { id: chatIdOf(p), conversationType: "personal", tenantId: "71bfab59-7ffc-5e58-ae5c-6ee57e3f7bfd" },
  };
}

/** Installs the app in this person's personal scope, as Teams would (conversationUpdate, bot added). */
export async function install(appUrl: string, connector: LocalConnector, p: Person): Promise<void> {
  connector.members.set(teamsIdOf(p), { id: teamsIdOf(p), aadObjectId: p.oid, name: p.displayName, userPrincipalName: p.upn, email: p.upn });
  const activity = baseActivity(connector.url, { type: "conversationUpdate", membersAdded: [{ id: "28:9d7a1c2e-4b5f-4e8a-9c3d-2f1e0a6b7c8d" }], ...asPerson(p) });
  const res = await postActivity(appUrl, activity);
  if (res.status !== 200) throw new Error(`install for ${p.upn} answered ${res.status}`);
}

/** The reminder key a recorded card carries in its buttons' data (undefined for other cards). */
export function reminderKeyOf(activity: Record<string, unknown>): string | undefined {
  const card = cardOf(activity);
  const find = (node: unknown): string | undefined => {
    if (Array.isArray(node)) {
      for (const n of node) {
        const k = find(n);
        if (k) return k;
      }
    } else if (node && typeof node === "object") {
      const data = (node as { data?: { key?: unknown } }).data;
      if (typeof data?.key === "string") return data.key;
      for (const v of Object.values(node)) {
        const k = find(v);
        if (k) return k;
      }
    }
    return undefined;
  };
  return find(card);
}

/** How many times each (conversation, reminder key) was delivered. */
export function deliveries(activities: readonly RecordedActivity[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of activities) {
    const key = reminderKeyOf(a.activity) ?? String(a.activity.summary ?? a.activity.text ?? "?");
    const id = `${a.conversationId} ${key}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A promise the test settles by hand: a runner stuck on it is, for every purpose, killed there. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Puts a district's return for a term in a state by writing its version 1 straight into the
 * KpiReturns list, as the KPI tab or another process would: the reminders must read the state
 * from the list ("Already submitted checks the list", [the reminders README](../../../src/server/features/reminders/README.md)), not from anything held in memory.
 */
export async function setReturnState(
  app: RunningApp,
  slug: string,
  academicYear: string,
  term: number,
  status: "draft" | "submitted",
  missingMeasureIds: readonly string[] = [],
): Promise<void> {
  const { service } = app.features.kpi;
  const values = Object.fromEntries(
    measuresFor(academicYear)
      .filter((m) => m.kind === "count")
      .map((m) => [m.id, missingMeasureIds.includes(m.id) ? null : 1]),
  );
  const at = app.context.now().toISOString().replace(/\.\d{3}Z$/, "Z");
  const value = {
    returnKey: returnVersionKey(slug, academicYear, term, 1),
    districtSlug: slug,
    academicYear,
    term,
    version: 1,
    status,
    values,
    narrative: "",
    source: "form" as const,
    savedAt: at,
    savedByName: "Test",
    ...(status === "submitted" ? { submittedAt: at, submittedByName: "Test" } : {}),
  };
  const existing = await service.returns.findByKey(value.returnKey);
  if (existing) await service.returns.update(existing.id, status === "draft" ? { ...value, submittedAt: undefined, submittedByName: undefined } : value);
  else await service.returns.create(value, { idempotencyKey: value.returnKey });
}
