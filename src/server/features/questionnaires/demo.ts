/**
 * Demo invitations and responses (DEMO_DATA=on) for every district in the current term, so the
 * demo return is prefilled for the LIFT and end-of-intervention KPIs with a response rate (the
 * training and transition KPIs come from the training-events demo's evaluation counts): for each,
 * some people asked and most of them answered, the answers drawn from a generator seeded by
 * district and questionnaire (the same demo on every start).
 *
 * Idempotent: every create carries a fixed key. Demo invitations are links with no recipient.
 */
import { KPI_QUESTIONS } from "../../../domain/questionnaires/kpi-questions";
import { currentVersion } from "../../../domain/questionnaires/definitions";
import { addDays, termStartedBy } from "../../../domain/time/calendar";
import { ukToday } from "../../../domain/time/uk-clock";
import type { QuestionnaireDefinition } from "../../../schemas/questionnaires/records";
import { mulberry32 } from "../../core/demo-random";
import type { FeatureContext } from "../../core/feature-context";
import type { QuestionnaireStores } from "./service";

const DEMO_QUESTIONNAIRES = new Set(["lift-satisfaction", "end-of-intervention-staff", "end-of-intervention-parent"]);

/** A small deterministic generator (mulberry32) from a text seed. */
function seeded(seed: string): () => number {
  return mulberry32([...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 1779033703));
}

export async function seedQuestionnairesDemo(ctx: FeatureContext, stores: QuestionnaireStores): Promise<string[]> {
  const now = ctx.now().toISOString();
  const today = ukToday(now);
  const calendar = await ctx.reference.calendar();
  const term = termStartedBy(today, calendar);
  if (!term) return [];
  const expiresAt = new Date(ctx.now().getTime() + 28 * 86_400_000).toISOString();
  const subjectDate = addDays(term.start, 5) < today ? addDays(term.start, 5) : today;
  const plans: { key: string; definition: QuestionnaireDefinition; districtSlug: string; answers?: Record<string, number> }[] = [];
  for (const district of await ctx.reference.districts()) {
    // Training and transition KPIs have the evaluation counts of the training-events demo instead.
    for (const k of KPI_QUESTIONS.filter((q) => DEMO_QUESTIONNAIRES.has(q.questionnaireId))) {
      const definition = currentVersion(k.questionnaireId, term.academicYear);
      if (!definition) continue;
      const random = seeded(`${district.slug}:${k.questionnaireId}:${term.academicYear}:${term.term}`);
      // Few rows (every demo start writes them): enough answers to rate, a response rate below 100 %.
      const asked = 7 + Math.floor(random() * 4);
      const answering = 5 + Math.floor(random() * 2);
      for (let i = 0; i < asked; i++) {
        const answers: Record<string, number> = {};
        // Mostly 4s and 5s, some 3s and the odd low score, as services like this usually hear.
        if (i < answering) for (const q of definition.questions) if (q.kind === "scale") answers[q.id] = [5, 5, 4, 4, 4, 3, 3, 2, 5, 4][Math.floor(random() * 10)] as number;
        plans.push({ key: `demo-questionnaire|${district.slug}|${k.questionnaireId}|${term.academicYear}-T${term.term}|${i + 1}`, definition, districtSlug: district.slug, ...(i < answering ? { answers } : {}) });
      }
    }
  }
  const created = await stores.invitations.createMany(
    plans.map((p, i) => ({
      idempotencyKey: p.key,
      value: {
        questionnaireId: p.definition.id,
        version: p.definition.version,
        subjectKey: `demo:${i + 1}`,
        subjectDate,
        districtSlug: p.districtSlug,
        academicYear: term.academicYear,
        term: term.term,
        channel: "link" as const,
        linkLabel: `demo-${i + 1}`,
        status: p.answers ? ("answered" as const) : ("sent" as const),
        createdAt: now,
        sentAt: now,
        ...(p.answers ? { answeredAt: now } : {}),
        expiresAt,
      },
    })),
  );
  const answered = created.flatMap((inv, i) => {
    const answers = plans[i]?.answers;
    return answers ? [{ inv, answers }] : [];
  });
  await stores.responses.createMany(
    answered.map(({ inv, answers }) => ({
      idempotencyKey: `response|${inv.id}`,
      value: {
        invitationId: inv.id,
        questionnaireId: inv.value.questionnaireId,
        version: inv.value.version,
        districtSlug: inv.value.districtSlug,
        academicYear: term.academicYear,
        term: term.term,
        channel: "link" as const,
        answers,
        answeredAt: now,
      },
    })),
  );
  return [`Demo data (questionnaires): ${created.length} invitations and ${answered.length} responses in term ${term.term} ${term.academicYear}`];
}
