/**
 * GET /api/reference: the districts, areas and this and next academic year's terms the tabs pick
 * from, read from the reference lists, to any signed-in user.
 */
import { describe, expect, it } from "vitest";
import { onTestApp, startTestApp } from "../support/test-app";
import { apiFor, type Api } from "../support/api-client";
import { DISTRICTS } from "../../src/domain/reference/districts";
import { TERMS } from "../../src/domain/reference/terms";
import { academicYearOf, nextAcademicYear } from "../../src/domain/time/academic-year";
import { ukToday } from "../../src/domain/time/uk-clock";

let app: Awaited<ReturnType<typeof startTestApp>>;
let api: Api;

onTestApp((running) => {
  app = running;
  api = apiFor(running.url);
});

describe("GET /api/reference", () => {
  it("lists every district with slug, name and area, and the areas that hold them", async () => {
    const res = await api("senco.dover@lift.local", "GET", "/api/reference");
    expect(res.status).toBe(200);
    const bySlug = (a: { slug: string }, b: { slug: string }) => a.slug.localeCompare(b.slug);
    expect([...res.body.districts].sort(bySlug)).toEqual(
      DISTRICTS.map((d) => ({ slug: d.slug, name: d.name, area: d.area })).sort(bySlug),
    );
    expect(res.body.areas).toEqual(["East", "West", "North", "South"]);
    // Only what a picker needs: no codes or aliases.
    expect(Object.keys(res.body.districts[0]).sort()).toEqual(["area", "name", "slug"]);
  });

  it("gives the terms of the current and next academic year only, in date order", async () => {
    const current = academicYearOf(ukToday(new Date()));
    const years = [current, nextAcademicYear(current)];
    const res = await api("lead.dover@lift.local", "GET", "/api/reference");
    expect(res.status).toBe(200);
    const expected = TERMS.filter((t) => years.includes(t.academicYear))
      .map((t) => ({ academicYear: t.academicYear, term: t.term, start: t.start, end: t.end }))
      .sort((a, b) => a.start.localeCompare(b.start));
    expect(expected.length).toBeGreaterThan(0);
    expect(res.body.terms).toEqual(expected);
  });

  it("is refused without a sign-in", async () => {
    const res = await fetch(`${app.url}/api/reference`);
    expect(res.status).toBe(401);
  });
});
