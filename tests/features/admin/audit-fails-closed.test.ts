/**
 * Administration writes are audited before they are made: when the audit list cannot be written the
 * change is refused (503 `audit_unavailable`) and nothing is changed
 * ([Audit trail](../../../docs/reference/data-protection.md#audit-trail)).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../src/server/app/start";
import { localObjectId } from "../../../src/server/features/admin";
import { apiFor, type Api } from "../../support/api-client";
import { auditListDown } from "../../support/audit-down";
import { onTestApp } from "../../support/test-app";
import { govUkFile } from "./fixtures";

const COMMISSIONER = "commissioner@lift.local";
const DOVER = "lead.dover@lift.local";

let app: RunningApp;
let api: Api;
onTestApp((a) => {
  app = a;
  api = apiFor(a.url);
});

const undo: Array<() => void> = [];
afterEach(() => {
  while (undo.length > 0) undo.pop()!();
});

function auditDown(): void {
  undo.push(auditListDown(app));
}

function expectRefused(res: { status: number; body: { error?: { code: string } } }): void {
  expect(res.status, JSON.stringify(res.body)).toBe(503);
  expect(res.body.error?.code).toBe("audit_unavailable");
}

describe("administration with the audit trail down", () => {
  it("adds no person and switches no one off", async () => {
    const upn = "audit.down@lift.local";
    const oid = localObjectId(upn);
    const peopleBefore = (await app.context.stores.people.all()).length;
    const target = (await app.context.stores.people.all()).find((p) => p.value.upn === "teacher.dover@lift.local")!;
    auditDown();
    expectRefused(await api(DOVER, "POST", "/api/admin/people", { oid, upn, displayName: "Audit Down", role: "specialist_teacher", districtSlug: "dover" }));
    expectRefused(await api(DOVER, "POST", `/api/admin/people/${target.value.oid}/deactivate`));
    expectRefused(await api(COMMISSIONER, "POST", "/api/admin/people/import", { csv: `oid,upn,displayName,role,district\n${oid},${upn},Audit Down,specialist_teacher,dover\n` }));
    expect(await app.context.stores.people.all()).toHaveLength(peopleBefore);
    expect((await app.context.stores.people.get(target.id)).eTag).toBe(target.eTag);
  });

  it("changes no calendar: bank holidays, district days and monitoring meetings", async () => {
    const holidays = (await app.context.stores.bankHolidays.all()).length;
    const days = (await app.context.stores.districtDays.all()).length;
    const monitoring = (await app.context.stores.monitoringMeetings.all()).map((m) => m.eTag);
    auditDown();
    expectRefused(await api(COMMISSIONER, "POST", "/api/admin/calendar/bank-holidays", govUkFile([{ title: "Extra day", date: "2028-06-06" }])));
    expectRefused(await api(DOVER, "PUT", "/api/admin/calendar/districts/dover/days/2027-09-02", { kind: "inset" }));
    expectRefused(await api(DOVER, "PUT", "/api/admin/calendar/districts/dover/monitoring/2026-27/1-2", { at: "2027-02-10T10:00:00Z" }));
    expect(await app.context.stores.bankHolidays.all()).toHaveLength(holidays);
    expect(await app.context.stores.districtDays.all()).toHaveLength(days);
    expect((await app.context.stores.monitoringMeetings.all()).map((m) => m.eTag)).toEqual(monitoring);
  });
});
