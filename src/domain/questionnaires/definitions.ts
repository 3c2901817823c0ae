/**
 * The service's questionnaires, version 1 of each. The KPI appendix of the SLA fixes which question
 * each rated KPI reports on — LIFT satisfaction Q2 (1.3), the school or setting end of intervention
 * questionnaire Q5 (2.2), the parents' end of intervention questionnaire Q9 (2.3), the training
 * course evaluation Q4 (3.1), the transition event survey Q1 (4.2) — and that a parent/carer
 * questionnaire goes each year to a 10% sample of case lists ([KPI framework](../../../docs/reference/service.md#kpi-framework)).
 * The wording of the questions is this app's proposal in plain English, to be checked against the
 * council's forms; the KPI questions sit at the numbers the appendix gives. A change of wording or
 * order is a new version (never an edit), so each term's figure keeps its meaning.
 */
import { QuestionnaireDefinition, type Question, type Scale } from "../../schemas/questionnaires/records";

const AGREE: Scale = { min: 1, max: 5, labels: { "1": "Strongly disagree", "3": "Neither agree nor disagree", "5": "Strongly agree" } };
const SATISFIED: Scale = { min: 1, max: 5, labels: { "1": "Very dissatisfied", "3": "Neither", "5": "Very satisfied" } };
const CONFIDENT: Scale = { min: 1, max: 5, labels: { "1": "Not at all confident", "3": "Somewhat confident", "5": "Very confident" } };

type Unnumbered = Question extends infer Q ? (Q extends Question ? Omit<Q, "id"> : never) : never;
const scale = (text: string, s: Scale = AGREE, required = true): Unnumbered => ({ kind: "scale", text, scale: s, required });
const open = (text: string): Unnumbered => ({ kind: "text", text, maxLength: 2000, required: false });
/** Numbers the questions Q1, Q2… in order, as the printed forms and the KPI appendix number them. */
const questions = (make: () => Unnumbered[]): Question[] => make().map((q, i) => ({ ...q, id: `Q${i + 1}` }) as Question);

const RAW = [
  {
    id: "lift-satisfaction",
    version: 1,
    title: "LIFT satisfaction",
    audience: "setting-staff",
    introduction: "You brought a question to a LIFT meeting. Tell us how it went: it takes two minutes.",
    from: "2025-26",
    questions: questions(() => [
      scale("The LIFT meeting understood the question I brought."),
      scale("Overall, how satisfied are you with the support you received at LIFT?", SATISFIED),
      scale("I left with strategies I can use with the child."),
      scale("The actions agreed, who does them and by when, were clear."),
      open("What could have made the meeting more useful?"),
    ]),
  },
  {
    id: "end-of-intervention-staff",
    version: 1,
    title: "End of specialist teacher support: school or setting",
    audience: "setting-staff",
    introduction: "Specialist teacher support for a child at your school or setting has ended. Your answers help us improve the service.",
    from: "2025-26",
    questions: questions(() => [
      scale("The support plan's targets were clear."),
      scale("The specialist teacher's visits were helpful."),
      scale("The advice fitted our setting and the child."),
      scale("The child made progress towards the targets."),
      scale("Our staff are more confident in meeting the needs of the child.", CONFIDENT),
      scale("We will use what we learnt with other children."),
      open("Anything else you would like to tell us?"),
    ]),
  },
  {
    id: "end-of-intervention-parent",
    version: 1,
    title: "End of specialist teacher support: parents and carers",
    audience: "parent-carer",
    introduction: "A specialist teacher has been supporting your child's school or setting. Please tell us what you think. Your answers are anonymous.",
    from: "2025-26",
    questions: questions(() => [
      scale("I knew why the specialist teacher was involved."),
      scale("I was asked about my child's needs."),
      scale("I knew what the targets for my child were."),
      scale("I was told how my child was getting on."),
      scale("The support helped my child."),
      scale("I could ask questions when I needed to."),
      scale("I was treated with respect."),
      scale("I know who to contact if I am worried in future."),
      scale("I feel more confident that the school or setting can meet my child's needs.", CONFIDENT),
      open("Anything else you would like to tell us?"),
    ]),
  },
  {
    id: "training-evaluation",
    version: 1,
    title: "Training course evaluation",
    audience: "setting-staff",
    introduction: "Thank you for coming to the course. Please tell us what you thought.",
    from: "2025-26",
    questions: questions(() => [
      scale("The course met its aims."),
      scale("The trainer explained things clearly."),
      scale("The materials were useful."),
      scale("I am more confident, and have more knowledge and skills, to meet the needs of children with SEND.", CONFIDENT),
      scale("I will use what I learnt in my setting."),
      open("What will you do differently after the course?"),
    ]),
  },
  {
    id: "parent-training-evaluation",
    version: 1,
    title: "Parent and carer training evaluation",
    audience: "parent-carer",
    introduction: "Thank you for coming to the session. Please tell us what you thought. Your answers are anonymous.",
    from: "2025-26",
    questions: questions(() => [
      scale("I feel more confident to meet my child's needs.", CONFIDENT),
      scale("The session was easy to follow."),
      scale("I will try the ideas at home."),
      open("What would you like a future session to cover?"),
    ]),
  },
  {
    id: "transition-event",
    version: 1,
    title: "Transition event feedback",
    audience: "setting-staff",
    introduction: "You took part in a transition event supported by the Specialist Teaching and Learning Service. Please tell us how it went.",
    from: "2025-26",
    questions: questions(() => [
      scale("How confident are you about the children's move to their next school or setting after the event?", CONFIDENT),
      scale("The event gave me the information I needed about the children moving."),
      scale("I met the staff I needed to meet."),
      open("What would make transition work better next year?"),
    ]),
  },
  {
    id: "annual-senco-survey",
    version: 1,
    title: "Annual survey of SENCos",
    audience: "setting-staff",
    introduction: "Once a year the council asks every school and setting about the Specialist Teaching and Learning Service. It takes five minutes.",
    from: "2025-26",
    questions: questions(() => [
      scale("Overall, how satisfied are you with the Specialist Teaching and Learning Service?", SATISFIED),
      scale("Making a LIFT referral is straightforward."),
      scale("LIFT helps us meet children's needs."),
      scale("Specialist teacher support makes a difference to the children."),
      scale("The training offer meets our needs."),
      scale("Our staff are more confident in meeting the needs of children with SEND because of the service.", CONFIDENT),
      open("What should the service start, stop or continue doing?"),
    ]),
  },
  {
    id: "annual-parent-questionnaire",
    version: 1,
    title: "Annual questionnaire for parents and carers",
    audience: "parent-carer",
    introduction: "Your child's school or setting has had support from specialist teachers this year. Please tell us what you think. Your answers are anonymous.",
    from: "2025-26",
    questions: questions(() => [
      scale("Overall, I am happy with the support my child's school or setting received.", SATISFIED),
      scale("I was kept informed about the support."),
      scale("My views were listened to."),
      scale("The support made a difference for my child."),
      scale("I feel more confident that the school or setting can meet my child's needs.", CONFIDENT),
      open("Anything else you would like to tell us?"),
    ]),
  },
];

/** Every version of every questionnaire, checked against the schema when the module loads. */
export const QUESTIONNAIRES: readonly QuestionnaireDefinition[] = Object.freeze(RAW.map((q) => QuestionnaireDefinition.parse(q)));

export function questionnaire(id: string, version: number): QuestionnaireDefinition | undefined {
  return QUESTIONNAIRES.find((q) => q.id === id && q.version === version);
}

/** The newest version sent in an academic year. */
export function currentVersion(id: string, academicYear: string): QuestionnaireDefinition | undefined {
  return QUESTIONNAIRES.filter((q) => q.id === id && q.from <= academicYear).sort((a, b) => b.version - a.version)[0];
}
