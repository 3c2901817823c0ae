/**
 * The commissioners' digest says when the calendar is running out of terms — on a Monday even when no
 * return is overdue — and stops once next year's terms are in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardOf, cardText } from "../../bot/activities";
import { chatIdOf, COMMISSIONER, install } from "../reminders/helpers";
import { startLocalConnector, type LocalConnector } from "../../support/local-connector";
import { startTestApp } from "../../support/test-app";
import { apiFor } from "../../support/api-client";
import type { RunningApp } from "../../../src/server/app/start";
import { TERMS_2027_28 } from "./fixtures";

let app: RunningApp;
let connector: LocalConnector;
let clock = new Date("2027-05-10T09:30:00Z");

beforeAll(async () => {
  app = await startTestApp({ DEMO_DATA: "off" }, { now: () => clock });
  connector = await startLocalConnector();
  await install(app.url, connector, COMMISSIONER);
});

afterAll(async () => {
  await connector?.stop();
  await app?.stop();
});

describe("the commissioners' digest", () => {
  it("says the calendar is running out, until 2027-28's terms are added", async () => {
    connector.activities.length = 0; // the install's welcome
    await app.features.reminders.service.runner().pass();
    const digests = connector.activities.filter((a) => a.conversationId === chatIdOf(COMMISSIONER) && cardOf(a.activity));
    expect(digests).toHaveLength(1);
    expect(cardText(cardOf(digests[0]!.activity))).toMatch(/Calendar: .*2027-28 term 1/);

    const saved = await apiFor(app.url)("commissioner@lift.local", "PUT", "/api/admin/calendar/2027-28", { terms: TERMS_2027_28 });
    expect(saved.status).toBe(200);
    connector.activities.length = 0;
    clock = new Date("2027-05-17T09:30:00Z");
    await app.features.reminders.service.runner().pass();
    const later = connector.activities.filter((a) => a.conversationId === chatIdOf(COMMISSIONER)).map((a) => cardText(cardOf(a.activity)));
    expect(later.join("\n")).not.toContain("Calendar:");
  });
});
