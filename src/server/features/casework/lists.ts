/**
 * The lists behind casework: the records of src/schemas/casework/records.ts with the columns the
 * filters need indexed (district, setting, teacher, status for the caseload; the case for its reviews
 * and visits; district and date for clinics). No list title names a child: titles show in
 * SharePoint views and search, so they use the case reference or ids only.
 */
import { defineList } from "../../../graph/list-definition";
import { CaseItem, ClinicItem, ReviewItem, VisitItem } from "../../../schemas/casework/records";

export { CaseItem, ClinicItem, ReviewItem, VisitItem } from "../../../schemas/casework/records";

export const CasesList = defineList({
  title: "Cases",
  description: "Casework after LIFT: one item per case (a child may have several over time). Holds children's data: access only through LIFT Hub.",
  schema: CaseItem,
  itemTitle: (c) => `${c.childRef} ${c.status}`,
  indexed: ["childRef", "districtSlug", "settingId", "allocatedTeacherOid", "status", "team"],
  // A union (how the case came about) is kept as JSON like the other structured fields.
  columns: { origin: { kind: "json" } },
});

export const CaseReviewsList = defineList({
  title: "CaseReviews",
  description: "Reviews of a case's targets (per target: achieved, at least 50% progress, less). Holds children's data.",
  schema: ReviewItem,
  itemTitle: (r) => `Review of case ${r.caseId} on ${r.date}`,
  indexed: ["caseId"],
  columns: { caseId: { kind: "text", maxLength: 32 } },
});

export const CaseVisitsList = defineList({
  title: "CaseVisits",
  description: "Records of visit for casework. Holds children's data.",
  schema: VisitItem,
  itemTitle: (v) => `Visit for case ${v.caseId} on ${v.date}`,
  indexed: ["caseId", "settingId"],
  columns: { caseId: { kind: "text", maxLength: 32 } },
});

export const ClinicsList = defineList({
  title: "Clinics",
  description: "Clinics, surgeries and in-school or in-setting reviews, with the anonymised questions and cases they dealt with.",
  schema: ClinicItem,
  itemTitle: (c) => `${c.kind} ${c.districtSlug} ${c.date}`,
  indexed: ["districtSlug", "date"],
});

export const CASEWORK_LISTS = [CasesList, CaseReviewsList, CaseVisitsList, ClinicsList] as const;
