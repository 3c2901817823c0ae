/**
 * The data-protection duties over HTTP on the demo data (the tests' fixed clock): a subject access
 * holds every kind of record of its child and nothing of another child's; a retention preview lists
 * and changes nothing; applying it and erasing on request blank the personal fields, leave tombstones
 * in the audit trail, and leave the KPI figures (prefill, casework time to support, the summary)
 * exactly as they were; only commissioners may use any of it, and bad input gets field messages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../src/server/app/start";
import { COMMISSIONER, LEAD, OTHER_LEAD, SENCO, TEACHER, startReferralApp, type Api } from "../referrals/helpers";

let app: RunningApp;
let api: Api;

beforeAll(async () => {
  ({ app, api } = await startReferralApp());
}, 180_000);
afterAll(async () => app?.stop());

const legalName = (body: Record<string, unknown>) => (body.child as { legalName?: string } | undefined)?.legalName;

/** A demo child with a referral, an outcome and a case with reviews or visits; and another child. */
async function demoChildren(): Promise<{ ref: string; name: string; otherRef: string; otherName: string }> {
  const { referrals } = app.features.referrals.service.stores;
  const { cases, reviews, visits } = app.features.casework.service.stores;
  const allCases = await cases.all({ pageSize: 5000 });
  const [allReviews, allVisits] = await Promise.all([reviews.all({ pageSize: 5000 }), visits.all({ pageSize: 5000 })]);
  const busy = allCases.find((c) => c.value.origin.kind === "lift-outcome" && (allReviews.some((r) => r.value.caseId === c.id) || allVisits.some((v) => v.value.caseId === c.id)));
  if (!busy) throw new Error("no demo case with reviews or visits");
  const ref = busy.value.childRef;
  const mine = (await referrals.all({ where: { caseReference: ref } }))[0];
  const other = (await referrals.all({ where: { districtSlug: busy.value.districtSlug }, pageSize: 5000 })).find((r) => r.value.caseReference && r.value.caseReference !== ref && legalName(r.value.body));
  if (!mine || !other) throw new Error("demo referrals missing");
  return { ref, name: legalName(mine.value.body) as string, otherRef: other.value.caseReference as string, otherName: legalName(other.value.body) as string };
}

/** Every figure an aggregate shows: the prefill of two districts' returns for two terms, time to support and the summary. */
async function figures(): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const [lead, district] of [[LEAD, "dover"], [OTHER_LEAD, "thanet"]] as const) {
    for (const term of [1, 2]) {
      const res = await api(lead, "GET", `/api/kpi/returns/${district}/2026-27/${term}`);
      expect(res.status).toBe(200);
      out[`${district}-${term}`] = res.body.return.prefill;
    }
  }
  const waits = await api(COMMISSIONER, "GET", "/api/casework/time-to-support?year=2026-27");
  expect(waits.status).toBe(200);
  out.waits = waits.body;
  const summary = await api(COMMISSIONER, "GET", "/api/kpi/summary?year=2026-27");
  expect(summary.status).toBe(200);
  out.summary = { rows: summary.body.rows, timeToSupport: summary.body.timeToSupport, completeness: summary.body.completeness };
  return out;
}

async function snapshot(): Promise<string> {
  const s = app.features.dataProtection.service.data;
  const lists = await Promise.all([s.referrals, s.outcomes, s.cases, s.reviews, s.visits, s.clinics].map((store) => store.all({ pageSize: 5000 })));
  return JSON.stringify(lists.map((items) => items.map((i) => [i.id, i.eTag, i.value])));
}

describe("access and input", () => {
  it("refuses everyone but commissioners, on every route", async () => {
    const { ref } = await demoChildren();
    for (const who of [LEAD, TEACHER, SENCO]) {
      expect((await api(who, "GET", `/api/data-protection/subject-access?case=${ref}`)).status).toBe(403);
      expect((await api(who, "GET", `/api/data-protection/subject-access/html?case=${ref}`)).status).toBe(403);
      expect((await api(who, "GET", "/api/data-protection/retention/schedule")).status).toBe(403);
      expect((await api(who, "PUT", "/api/data-protection/retention/schedule", { rules: [{ kind: "referral", anchor: "date-of-birth", years: 1 }] })).status).toBe(403);
      expect((await api(who, "GET", "/api/data-protection/retention/preview?at=2090-01-01")).status).toBe(403);
      expect((await api(who, "POST", "/api/data-protection/retention/apply", { at: "2090-01-01" })).status).toBe(403);
      const erase = await api(who, "POST", "/api/data-protection/erasures", { caseReference: ref, reason: "Test request by a non-commissioner" });
      expect(erase.status).toBe(403);
    }
    // Nothing was erased by the refused requests.
    const { referrals } = app.features.referrals.service.stores;
    expect(legalName((await referrals.all({ where: { caseReference: ref } }))[0]?.value.body ?? {})).toBeTruthy();
  });

  it("answers bad input with 400 and a message per field", async () => {
    const bad = await api(COMMISSIONER, "GET", "/api/data-protection/subject-access?case=not-a-ref");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors.case[0]).toMatch(/case reference/);
    const noReason = await api(COMMISSIONER, "POST", "/api/data-protection/erasures", { caseReference: "DOV-2526-0001" });
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.error.fieldErrors)).toEqual(["reason"]);
    const badRule = await api(COMMISSIONER, "PUT", "/api/data-protection/retention/schedule", { rules: [{ kind: "referral", anchor: "birthday", years: 0 }] });
    expect(badRule.status).toBe(400);
    expect(Object.keys(badRule.body.error.fieldErrors).sort()).toEqual(["rules.0.anchor", "rules.0.years"]);
    const badAt = await api(COMMISSIONER, "GET", "/api/data-protection/retention/preview?at=soon");
    expect(badAt.status).toBe(400);
    expect(badAt.body.error.fieldErrors.at).toBeDefined();
    const unknown = await api(COMMISSIONER, "POST", "/api/data-protection/erasures", { caseReference: "ZZZ-2526-9999", reason: "Parent's request, DPO ref 1" });
    expect(unknown.status).toBe(404);
  });
});

describe("subject access", () => {
  it("holds every kind of record of the child and nothing of another child's, and is audited", async () => {
    const { ref, name, otherRef, otherName } = await demoChildren();
    const res = await api(COMMISSIONER, "GET", `/api/data-protection/subject-access?case=${ref.toLowerCase()}`);
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b.caseReference).toBe(ref);
    for (const section of ["referrals", "caseReferences", "meetingPlaces", "meetings", "outcomes", "cases", "audit"]) expect(b.sections[section].length, section).toBeGreaterThan(0);
    expect(b.sections.reviews.length + b.sections.visits.length).toBeGreaterThan(0);
    expect(b.sections.referrals[0].value.caseReference).toBe(ref);
    expect(b.sections.outcomes[0].value.outcome.categories.length).toBeGreaterThan(0);
    const text = JSON.stringify(b);
    expect(text).toContain(name);
    expect(text).not.toContain(otherName);
    expect(text).not.toContain(otherRef);
    // Every case, review and visit is this child's.
    const caseIds = new Set(b.sections.cases.map((c: { id: string; value: { childRef: string } }) => (expect(c.value.childRef).toBe(ref), c.id)));
    for (const r of [...b.sections.reviews, ...b.sections.visits]) expect(caseIds.has(r.value.caseId)).toBe(true);
    const audited = (await app.context.stores.auditLog.all({ where: { listTitle: "DataProtection" }, pageSize: 5000 })).filter((e) => e.value.action === "privacy.subject_access" && e.value.detail?.caseReference === ref);
    expect(audited.length).toBeGreaterThan(0);
    expect(JSON.stringify(audited)).not.toContain(name);
  });

  it("downloads as printable HTML with the child's records escaped", async () => {
    const { ref, name } = await demoChildren();
    const res = await api(COMMISSIONER, "GET", `/api/data-protection/subject-access/html?case=${ref}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain(`Subject access: case ${ref}`);
    expect(res.body).toContain(name.replace(/'/g, "&#39;"));
    expect(res.body).not.toMatch(/<script/i);
  });
});

describe("retention and erasure", () => {
  it("previews without changing anything, then erases what is due with tombstones and the KPI figures unchanged", async () => {
    const before = await figures();
    const stored = await snapshot();
    const preview = await api(COMMISSIONER, "GET", "/api/data-protection/retention/preview?at=2090-01-01");
    expect(preview.status).toBe(200);
    expect(preview.body.due.length).toBeGreaterThan(0);
    expect(JSON.stringify(preview.body)).not.toMatch(/legalName/);
    expect(await snapshot()).toBe(stored);

    const applied = await api(COMMISSIONER, "POST", "/api/data-protection/retention/apply", { at: "2090-01-01" });
    expect(applied.status).toBe(200);
    expect(applied.body.erased.map((e: { subject: string; kind: string }) => `${e.subject}|${e.kind}`).sort()).toEqual(preview.body.due.map((d: { subject: string; kind: string }) => `${d.subject}|${d.kind}`).sort());
    const { referrals } = app.features.referrals.service.stores;
    const erasedRefs = preview.body.due.filter((d: { kind: string }) => d.kind === "referral").map((d: { subject: string }) => d.subject);
    expect(erasedRefs.length).toBeGreaterThan(0);
    for (const ref of erasedRefs) {
      const r = (await referrals.all({ where: { caseReference: ref } }))[0];
      expect(r?.value.body.child ?? {}).not.toHaveProperty("legalName");
      expect(r?.value.body.child ?? {}).not.toHaveProperty("dateOfBirth");
      expect(r?.value.body).not.toHaveProperty("views");
      expect(r?.value.body).not.toHaveProperty("agreement");
      const tombstones = (await app.context.stores.auditLog.all({ where: { listTitle: "Referrals" }, pageSize: 5000 })).filter((e) => e.value.action === "privacy.erased" && e.value.itemId === r?.id);
      expect(tombstones).toHaveLength(1);
      expect(tombstones[0]?.value.detail).toMatchObject({ caseReference: ref, kind: "referral", trigger: "retention" });
    }
    // The draft referrals due are gone.
    for (const d of preview.body.due.filter((x: { kind: string }) => x.kind === "draft-referral")) expect(await referrals.find(d.subject.replace("draft-", ""))).toBeUndefined();

    // Erasing on request: a child whose case is open (held by the schedule).
    const { ref, name } = await demoChildren();
    const erased = await api(COMMISSIONER, "POST", "/api/data-protection/erasures", { caseReference: ref, reason: "Art. 17 request, DPO ref 2026-114" });
    expect(erased.status).toBe(200);
    expect(erased.body.erased.map((e: { kind: string }) => e.kind).sort()).toEqual(["case", "lift-outcome", "referral"]);
    const access = await api(COMMISSIONER, "GET", `/api/data-protection/subject-access?case=${ref}`);
    expect(JSON.stringify(access.body.sections.referrals)).not.toContain(name);
    expect(JSON.stringify(access.body.sections.cases)).not.toMatch(/legalName/);
    expect(access.body.erased.length).toBe(3);
    const requested = (await app.context.stores.auditLog.all({ where: { listTitle: "DataProtection" }, pageSize: 5000 })).find((e) => e.value.action === "privacy.erasure_requested" && e.value.detail?.caseReference === ref);
    expect(requested?.value.detail?.reason).toBe("Art. 17 request, DPO ref 2026-114");
    const again = await api(COMMISSIONER, "POST", "/api/data-protection/erasures", { caseReference: ref, reason: "Art. 17 request, DPO ref 2026-114" });
    expect(again.body.erased.every((e: { alreadyErased: boolean }) => e.alreadyErased)).toBe(true);

    expect(await figures()).toEqual(before);
    // Nothing is due twice.
    expect((await api(COMMISSIONER, "GET", "/api/data-protection/retention/preview?at=2090-01-01")).body.due).toEqual([]);
  }, 120_000);

  it("keeps the schedule as data a commissioner changes", async () => {
    const before = await api(COMMISSIONER, "GET", "/api/data-protection/retention/schedule");
    expect(before.body.rules.find((r: { kind: string }) => r.kind === "referral")).toMatchObject({ anchor: "date-of-birth", years: 25, isDefault: true });
    const changed = await api(COMMISSIONER, "PUT", "/api/data-protection/retention/schedule", { rules: [{ kind: "referral", anchor: "date-of-birth", years: 31, note: "IRMS: DOB + 31" }] });
    expect(changed.status).toBe(200);
    expect(changed.body.rules.find((r: { kind: string }) => r.kind === "referral")).toMatchObject({ years: 31, isDefault: false, note: "IRMS: DOB + 31" });
    expect((await api(COMMISSIONER, "GET", "/api/data-protection/retention/schedule")).body.rules.find((r: { kind: string }) => r.kind === "referral").years).toBe(31);
  });
});
