/**
 * The fuzz's domain-aimed half (scripts/fuzz/domain.ts): requests whose named fields are drawn from
 * the values the app holds get writes through on routes random values never pass, while the other
 * half stays fully generated, so the refusals stay covered.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { runFuzz } from "../../scripts/fuzz/run";
import { ANONYMOUS, BAD_TOKEN, requestsFor, requestsOfKind, type Operation } from "../../scripts/fuzz/requests";
import { consistent, dayInTerm, NO_DOMAIN, useDomain, type Domain } from "../../scripts/fuzz/domain";

const ISO_DATE = "^\\d{4}-\\d{2}-\\d{2}$";

/** The calendar route's contract as the OpenAPI document gives it. */
const calendarPut: Operation = {
  method: "put",
  path: "/api/admin/calendar/{year}",
  parameters: [{ name: "year", in: "path", required: true, schema: { type: "string", pattern: "^\\d{4}-\\d{2}$" } }],
  requestBody: {
    content: {
      "application/json": {
        schema: {
          type: "object",
          required: ["terms"],
          properties: { terms: { type: "array", items: { type: "object", required: ["term", "start", "end"], properties: { term: { enum: [1, 2, 3, 4, 5, 6] }, start: { type: "string", format: "date", pattern: ISO_DATE }, end: { type: "string", format: "date", pattern: ISO_DATE } } } } },
        },
      },
    },
  },
};

const TERMS = [
  { academicYear: "2026-27", term: 1, start: "2026-09-03", end: "2026-10-23" },
  { academicYear: "2026-27", term: 2, start: "2026-11-02", end: "2026-12-18" },
  { academicYear: "2026-27", term: 3, start: "2027-01-04", end: "2027-02-12" },
];

const domain: Domain = { ...NO_DOMAIN, years: ["2026-27"], terms: TERMS, districts: ["dover", "thanet"], homeDistricts: ["dover"] };
const USERS = ["commissioner@lift.local", "lead.dover@lift.local"];

afterEach(() => useDomain(NO_DOMAIN));

describe("fuzz: domain-aimed requests", () => {
  it("are signed in and well-formed, name a year the calendar knows and send its terms", () => {
    useDomain(domain);
    const requests = fc.sample(requestsOfKind(calendarPut, USERS, { slugs: domain.districts }, true), { numRuns: 60, seed: 11 });
    for (const r of requests) {
      expect(USERS).toContain(r.as);
      expect(r.url).toBe("/api/admin/calendar/2026-27");
      const body = JSON.parse(r.body as string) as { terms: Array<{ term: number; start: string; end: string }> };
      expect(body.terms).toEqual(TERMS.map(({ term, start, end }) => ({ term, start, end })));
    }
  });

  it("are half of a route's requests: the other half are generated, mutated, unsigned or not JSON", () => {
    useDomain(domain);
    const requests = fc.sample(requestsFor(calendarPut, USERS, { slugs: domain.districts }), { numRuns: 400, seed: 11 });
    const aimed = requests.filter((r) => r.url === "/api/admin/calendar/2026-27" && USERS.includes(r.as));
    expect(aimed.length).toBeGreaterThan(100);
    expect(requests.length - aimed.length).toBeGreaterThan(100);
    // The generated half: years the calendar does not hold, unsigned requests, bodies that are not JSON.
    expect(requests.some((r) => /^\/api\/admin\/calendar\/\d{4}-\d{2}$/.test(r.url) && r.url !== "/api/admin/calendar/2026-27")).toBe(true);
    expect(requests.some((r) => r.as === ANONYMOUS || r.as === BAD_TOKEN)).toBe(true);
    expect(
      requests.some((r) => {
        try {
          JSON.parse(String(r.body));
          return false;
        } catch {
          return true;
        }
      }),
    ).toBe(true);
  });

  it("draw days inside a term, on weekdays", () => {
    useDomain(domain);
    for (const day of fc.sample(dayInTerm, { numRuns: 200, seed: 3 })) {
      expect(TERMS.some((t) => t.start <= day && day <= t.end), day).toBe(true);
      expect([0, 6]).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
    }
  });

  it("keep a form's cross-field rules: an end after its start, no more answers than forms returned", () => {
    expect(consistent({ start: "2026-10-23", end: "2026-09-03" })).toEqual({ start: "2026-09-03", end: "2026-10-23" });
    const evaluation = consistent({ returned: 3, scores: [9000, 50, 1, 0, 2] }) as { returned: number; scores: number[] };
    expect(evaluation.scores.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(evaluation.returned);
    expect(consistent({ primaryArea: "CI", secondaryArea: "CI" })).toEqual({ primaryArea: "CI" });
  });
});

describe("fuzz: writes get through", () => {
  // Routes that answered 2xx to none of 10,000 fully generated requests: no random `^\d{4}-\d{2}$`
  // is an academic year the calendar holds, no random district slug or setting id is real.
  it.each(["PUT /api/admin/calendar/{year}", "POST /api/training-events/transition"])("%s answers 2xx to some of 40 requests, and nothing else goes wrong", async (only) => {
    const report = await runFuzz({ perEndpoint: 40, seed: 20261203, only });
    expect(report.routes.map((r) => r.route)).toEqual([only]);
    expect(report.failures).toEqual([]);
    expect(report.total["5xx"]).toBe(0);
    expect(report.total["2xx"]).toBeGreaterThan(0);
    // The refusals are still reached too.
    expect(report.total["4xx"]).toBeGreaterThan(0);
  }, 120_000);
});
