import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { currentVersion, questionnaire, QUESTIONNAIRES } from "../../../src/domain/questionnaires/definitions";
import { KPI_QUESTIONS, kpiQuestionProblems, MIN_ANSWERS_TO_RATE, questionFigure, type KpiQuestion } from "../../../src/domain/questionnaires/kpi-questions";
import { checkResponse } from "../../../src/domain/questionnaires/responses";
import { measureById } from "../../../src/domain/kpi/catalogue";
import { QUESTIONNAIRE_IDS, QuestionnaireDefinition, type QuestionnaireResponse } from "../../../src/schemas/questionnaires/records";

describe("the questionnaires as data", () => {
  it("has a version 1 of each questionnaire the service sends", () => {
    expect(QUESTIONNAIRE_IDS.map((id) => questionnaire(id, 1)?.title)).toEqual(QUESTIONNAIRE_IDS.map(() => expect.any(String)));
    expect(currentVersion("lift-satisfaction", "2026-27")?.version).toBe(1);
    expect(currentVersion("lift-satisfaction", "2024-25")).toBeUndefined();
  });

  it("each KPI names a 1–5 scale question of a version, at the number the SLA's KPI appendix gives, and numerator and denominator are catalogue measures", () => {
    expect(kpiQuestionProblems()).toEqual([]);
    const where = Object.fromEntries(KPI_QUESTIONS.map((k) => [k.numeratorId, `${k.questionnaireId} ${k.versions[0]!.questionId}`]));
    expect(where).toMatchObject({
      kpi_1_3_num: "lift-satisfaction Q2",
      kpi_2_2_num: "end-of-intervention-staff Q5",
      kpi_2_3_num: "end-of-intervention-parent Q9",
      kpi_3_1_num: "training-evaluation Q4",
      kpi_4_2_num: "transition-event Q1",
    });
    for (const k of KPI_QUESTIONS) {
      expect(measureById(k.numeratorId)?.kind).toBe("count");
      expect(measureById(k.denominatorId)?.kind).toBe("count");
    }
  });

  it("refuses a definition whose questions are out of order or repeated, or a scale without its ends", () => {
    const def = structuredClone(questionnaire("transition-event", 1)!) as QuestionnaireDefinition;
    const swapped = { ...def, questions: [def.questions[1]!, def.questions[0]!, ...def.questions.slice(2)] };
    expect(QuestionnaireDefinition.safeParse(swapped).error?.issues.map((i) => i.message)).toEqual(["expected Q1 at position 1", "expected Q2 at position 2"]);
    const noEnds = { ...def, questions: [{ ...def.questions[0]!, scale: { min: 1, max: 5, labels: { "3": "Middle" } } }, ...def.questions.slice(1)] };
    expect(QuestionnaireDefinition.safeParse(noEnds).success).toBe(false);
    expect(QUESTIONNAIRES.every((q) => QuestionnaireDefinition.safeParse(q).success)).toBe(true);
  });
});

describe("checking a response", () => {
  const lift = questionnaire("lift-satisfaction", 1)!;
  const response = (answers: QuestionnaireResponse["answers"]): QuestionnaireResponse => ({ questionnaireId: "lift-satisfaction", version: 1, answers });

  it("accepts whole numbers on the scale and optional text left out", () => {
    expect(checkResponse(lift, response({ Q1: 5, Q2: 4, Q3: 1, Q4: 3 }))).toEqual({});
  });

  it("names each bad answer by question", () => {
    expect(checkResponse(lift, response({ Q1: 6, Q2: 3.5, Q4: "yes", Q9: 2, Q5: "x".repeat(2001) }))).toEqual({
      "answers.Q9": ["There is no question Q9 in this questionnaire"],
      "answers.Q1": ["Choose a number from 1 to 5"],
      "answers.Q2": ["Choose a number from 1 to 5"],
      "answers.Q3": ["Choose an answer"],
      "answers.Q4": ["Choose a number from 1 to 5"],
      "answers.Q5": ["At most 2000 characters"],
    });
  });

  it("refuses answers to another version", () => {
    expect(Object.keys(checkResponse(lift, { ...response({}), version: 2 }))).toEqual(["version"]);
  });
});

describe("a KPI's numerator and denominator, with the response rate", () => {
  const k = KPI_QUESTIONS.find((x) => x.numeratorId === "kpi_1_3_num")!;
  const r = (q2: number | undefined, over: Partial<QuestionnaireResponse> = {}): QuestionnaireResponse => ({ questionnaireId: "lift-satisfaction", version: 1, answers: q2 === undefined ? { Q1: 3 } : { Q1: 3, Q2: q2 }, ...over });

  it("counts 4 and 5 out of those who answered the question; a response that skipped it counts only towards the response rate", () => {
    const figure = questionFigure(k, { asked: 20, responses: [r(5), r(4), r(3), r(1), r(4), r(undefined), r(2)] });
    expect(figure).toEqual({ numerator: 3, denominator: 6, asked: 20, responded: 7, responseRate: 35, rateable: true });
  });

  it("too few answers to rate below the minimum (5 by default, or as given)", () => {
    expect(MIN_ANSWERS_TO_RATE).toBe(5);
    expect(questionFigure(k, { asked: 10, responses: [r(5), r(5), r(5), r(5)] }).rateable).toBe(false);
    expect(questionFigure(k, { asked: 10, responses: [r(5), r(5), r(5), r(5)], minAnswers: 3 }).rateable).toBe(true);
    expect(questionFigure(k, { asked: 0, responses: [] })).toEqual({ numerator: 0, denominator: 0, asked: 0, responded: 0, rateable: false });
  });

  it("counts only the named question of the listed versions: another questionnaire, or a version not listed, is not counted", () => {
    const figure = questionFigure(k, { asked: 3, responses: [r(5), r(5, { version: 2 }), r(5, { questionnaireId: "transition-event" })] });
    expect([figure.numerator, figure.denominator, figure.responded]).toEqual([1, 1, 1]);
    // A version 2 that moved the question to Q3 is counted on Q3.
    const moved: KpiQuestion = { ...k, versions: [...k.versions, { version: 2, questionId: "Q3" }] };
    const v2 = questionFigure(moved, { asked: 2, responses: [r(5), { questionnaireId: "lift-satisfaction", version: 2, answers: { Q2: 1, Q3: 4 } }] });
    expect([v2.numerator, v2.denominator]).toEqual([2, 2]);
  });

  it("property: 0 ≤ numerator ≤ denominator ≤ responded, and the numerator is the count of answers of 4 or 5", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), { maxLength: 60 }), fc.nat(100), (scores, extra) => {
        const f = questionFigure(k, { asked: scores.length + extra, responses: scores.map((s) => r(s)) });
        expect(f.numerator).toBe(scores.filter((s) => s !== undefined && s >= 4).length);
        expect(f.denominator).toBe(scores.filter((s) => s !== undefined).length);
        expect(f.numerator <= f.denominator && f.denominator <= f.responded).toBe(true);
        expect(f.rateable).toBe(f.denominator >= 5);
      }),
    );
  });
});
