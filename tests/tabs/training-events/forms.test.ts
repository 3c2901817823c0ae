import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  attendanceMessages,
  blankEvent,
  blankSession,
  eventForm,
  eventToSend,
  fieldPathOf,
  outsideTermNote,
  percentText,
  phasesText,
  sessionForm,
  sessionToSend,
  summaryOf,
  termsToOffer,
  unwrapFieldErrors,
  SESSION_ORDER,
} from "../../../tabs/training-events/forms";
import { eventMessages, sessionMessages } from "../../../tabs/training-events/form-checks";
import { settingLabel, settingMatches } from "../../../tabs/training-events/components/SettingsPicker";
import { TrainingSessionInput, TransitionEventInput } from "../../../src/schemas/training-events/records";
import type { AttendanceSetting } from "../../../src/schemas/training-events/api";

const TODAY = "2026-11-24";
const session: TrainingSessionInput = {
  districtSlug: "dover",
  title: "Precision teaching",
  needType: "CL",
  districtNeed: "Reading in Year 3",
  audience: "staff",
  aet: "post-16",
  date: "2026-11-19",
  trainerName: "Sam Patel",
  settingIds: ["DOV-P1", "THA-P1"],
  attendees: 6,
  evaluation: { returned: 5, scores: [0, 0, 1, 2, 2] },
};

describe("the session form", () => {
  it("round-trips a record: what is sent for a record's form is the record", () => {
    expect(sessionToSend(sessionForm(session), "dover")).toEqual(session);
    const bare = { districtSlug: "dover", title: "Core", audience: "parents" as const, date: TODAY, trainerName: "A", settingIds: [], attendees: 0 };
    expect(sessionToSend(sessionForm(bare), "dover")).toEqual(bare);
  });

  it("a blank form is refused with the schema's messages, in the form's order", () => {
    const sent = sessionToSend(blankSession(TODAY, "Sam Patel"), "dover");
    expect(sent).not.toHaveProperty("evaluation");
    const messages = sessionMessages(sent);
    expect(messages.title).toEqual(["Enter the course title"]);
    expect(messages.audience).toEqual(["Choose school or setting staff, or parents and carers"]);
    expect(messages.attendees).toEqual(["Enter a whole number"]);
    expect(summaryOf(messages, SESSION_ORDER).map((e) => e.path)).toEqual(["title", "audience", "attendees"]);
  });

  it("sends evaluation counts as numbers only when returns are entered, and checks them", () => {
    const form = { ...sessionForm(session), evaluation: { given: true, returned: "2", scores: ["1", "1", "", "0", "1"] } };
    const sent = sessionToSend(form, "dover");
    expect(sent.evaluation).toEqual({ returned: 2, scores: [1, 1, undefined, 0, 1] });
    const messages = sessionMessages(sent);
    expect(messages["evaluation.scores.2"]).toEqual(["Enter a whole number"]);
    const over = sessionMessages(sessionToSend({ ...form, evaluation: { given: true, returned: "1", scores: ["1", "1", "0", "0", "0"] } }, "dover"));
    expect(over["evaluation.returned"]).toEqual(["Fewer forms returned than answers counted"]);
    expect(sessionToSend({ ...form, evaluation: { ...form.evaluation, given: false } }, "dover")).not.toHaveProperty("evaluation");
  });

  it("agrees with the server's schema for any counts typed (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(""), fc.integer({ min: -3, max: 20 }).map(String), fc.constant("2.5")), { minLength: 6, maxLength: 6 }), ([attendees, ...scores]) => {
        const form = { ...sessionForm(session), attendees: attendees!, evaluation: { given: true, returned: "20", scores } };
        const sent = sessionToSend(form, "dover");
        expect(Object.keys(sessionMessages(sent)).length === 0).toBe(TrainingSessionInput.safeParse(sent).success);
      }),
    );
  });
});

describe("the transition event form", () => {
  it("round-trips a record and refuses a blank one", () => {
    const event: TransitionEventInput = { districtSlug: "dover", title: "Moving up", kind: "early-years", date: "2026-11-20", settingIds: ["DOV-E1"], evaluation: { returned: 1, scores: [0, 0, 0, 0, 1] } };
    expect(eventToSend(eventForm(event), "dover")).toEqual(event);
    const messages = eventMessages(eventToSend(blankEvent(TODAY), "dover"));
    expect(Object.keys(messages).sort()).toEqual(["kind", "title"]);
  });
});

describe("the server's refusals", () => {
  it("take the body's wrapper off, and an attendance entry's message goes with the picker", () => {
    const messages = unwrapFieldErrors({ "session.settingIds.1": ["Choose a school or setting from the register"], "session.title": ["Enter the course title"], eTag: ["Required"] }, "session");
    expect(messages).toEqual({ "settingIds.1": ["Choose a school or setting from the register"], title: ["Enter the course title"], eTag: ["Required"] });
    expect(attendanceMessages(messages)).toEqual(["Choose a school or setting from the register"]);
    expect(fieldPathOf("settingIds.1")).toBe("settingIds");
    expect(summaryOf(messages, SESSION_ORDER).map((e) => e.path)).toEqual(["title", "settingIds.1", "eTag"]);
  });
});

describe("the settings picker", () => {
  const settings: AttendanceSetting[] = [
    { id: "DOV-P1", name: "White Cliffs Primary School", districtSlug: "dover", phase: "primary", open: true },
    { id: "DOV-X1", name: "Old Harbour Infant School", districtSlug: "dover", phase: "primary", open: false },
    { id: "DOV-C1", name: "Dover Sixth Form College", districtSlug: "dover", phase: "post-16", open: true },
    { id: "THA-P1", name: "Seabrook Bay Primary School", districtSlug: "thanet", phase: "primary", open: true },
  ];
  it("offers the district's open settings with nothing typed, and any setting whose name has every word typed", () => {
    expect(settingMatches(settings, "", "dover").map((s) => s.id)).toEqual(["DOV-P1", "DOV-C1"]);
    expect(settingMatches(settings, "primary  school", "dover").map((s) => s.id)).toEqual(["DOV-P1", "THA-P1"]);
    expect(settingMatches(settings, "infant", "dover").map((s) => s.id)).toEqual(["DOV-X1"]);
  });
  it("names the phase, the district when it is another, and a closed setting", () => {
    const name = (slug: string) => (slug === "thanet" ? "Thanet" : "Dover");
    expect(settings.map((s) => settingLabel(s, "dover", name))).toEqual([
      "White Cliffs Primary School (primary)",
      "Old Harbour Infant School (primary, closed)",
      "Dover Sixth Form College (Post-16)",
      "Seabrook Bay Primary School (primary, Thanet)",
    ]);
  });
});

describe("labels and terms", () => {
  it("counts the phases that attended and shows a share", () => {
    expect(phasesText({ primary: 2, "post-16": 1, secondary: 0 })).toBe("1 Post-16, 2 primary");
    expect(phasesText({})).toBe("None");
    expect(percentText(12.345)).toBe("12.3 %");
    expect(percentText(undefined)).toBe("–");
  });
  it("offers the terms begun by today, latest first, today's first", () => {
    const terms = [
      { academicYear: "2026-27", term: 1, start: "2026-09-02", end: "2026-10-23" },
      { academicYear: "2026-27", term: 2, start: "2026-11-02", end: "2026-12-18" },
      { academicYear: "2026-27", term: 3, start: "2027-01-04", end: "2027-02-12" },
    ];
    const offered = termsToOffer(terms, TODAY);
    expect(offered.terms.map((t) => t.term)).toEqual([2, 1]);
    expect(offered.current?.term).toBe(2);
    expect(termsToOffer(terms, "2026-10-28").current?.term).toBe(1);
  });
});

describe("a record saved outside the term shown", () => {
  it("is said to be listed under its own term", () => {
    const term = { start: "2026-11-02", end: "2026-12-18" };
    expect(outsideTermNote("2026-11-02", term)).toBeUndefined();
    expect(outsideTermNote("2026-12-18", term)).toBeUndefined();
    expect(outsideTermNote("2026-10-30", term)).toMatch(/outside the term shown/);
    expect(outsideTermNote("2027-01-05", term)).toMatch(/outside the term shown/);
  });
});
