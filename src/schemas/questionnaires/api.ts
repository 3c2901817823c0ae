/**
 * The questionnaires API: the district's invitations (with the link of each open link invitation,
 * for the teacher or trainer to hand to a family), and a commissioner's "send what is due now".
 * Answers are not an API route: staff answer the Teams card, everyone else the page at /q/<token>.
 * Design: src/server/features/questionnaires/README.md.
 */
import { z } from "zod";
import { DistrictSlugParam, route } from "../core/contract";
import { INVITATION_CHANNELS, INVITATION_STATUSES, QuestionnaireId } from "./records";

export const InvitationsQuery = z.object({
  district: DistrictSlugParam.optional(),
  subject: z.string().regex(/^[a-z-]+:[A-Za-z0-9_-]{1,40}$/, "Expected a subject such as case:40").optional(),
});
export type InvitationsQuery = z.infer<typeof InvitationsQuery>;

export const InvitationSummary = z.object({
  id: z.string(),
  questionnaireId: QuestionnaireId,
  version: z.number().int(),
  subjectKey: z.string(),
  subjectDate: z.string(),
  districtSlug: z.string(),
  academicYear: z.string(),
  term: z.number().int(),
  channel: z.enum(INVITATION_CHANNELS),
  /** Which link of the subject: `family`, `attendee-3`, `setting-dov-p1` (the setting to send it to). */
  linkLabel: z.string().optional(),
  status: z.enum(INVITATION_STATUSES),
  expiresAt: z.string(),
  /** The answer page's address, while a link invitation is open (not shown to commissioners). */
  link: z.string().optional(),
});
export type InvitationSummary = z.infer<typeof InvitationSummary>;

const Count = z.number().int().nonnegative();

export const questionnairesApi = {
  listInvitations: route("GET /questionnaires/invitations", "The district's questionnaire invitations, latest subject first, with the link of each open link invitation", {
    query: InvitationsQuery,
    responses: { 200: z.object({ items: z.array(InvitationSummary) }) },
    errors: [403, 404],
  }),
  runPass: route("POST /questionnaires/pass", "Send the questionnaires due now, remind once, close what expired (what the job does every few minutes); commissioners only", {
    responses: { 200: z.object({ created: Count, sent: Count, reminded: Count, expired: Count }) },
    errors: [403],
  }),
} as const;
