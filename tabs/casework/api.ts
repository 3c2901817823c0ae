/**
 * The casework API as the tab uses it, typed from the contract src/schemas/casework/api.ts; and, to
 * offer "open a case" for an approved LIFT outcome, the district's referrals (src/schemas/referrals/api.ts).
 */
import { useMemo } from "react";
import { useSession, type ApiClient } from "../shell";
import {
  caseworkApi as contract,
  type CaseDetail,
  type CaseSummary,
  type ClinicRecord,
  type CaseworkFiguresView,
  type FullCase,
  type OpenFromOutcomeBody,
} from "../../src/schemas/casework/api";
import type { CaseCloseInput, CaseOpenInput, CaseStatusInput, CaseUpdateInput, ClinicInput, ReviewInput, SenifInput, VisitInput } from "../../src/schemas/casework/records";
import { referralsApi } from "../../src/schemas/referrals/api";
import { coreApi } from "../../src/schemas/core/api";
import type { QueryInputOf } from "../../src/schemas/core/contract";

export type { CaseDetail, CaseSummary, ClinicRecord, CaseworkFiguresView, FullCase };
export type CaseListFilter = NonNullable<QueryInputOf<typeof contract.listCases>>;

export function caseworkApi(api: ApiClient) {
  return {
    cases: (query: CaseListFilter) => api.call(contract.listCases, { query }).then((r) => r.items),
    case: (id: string) => api.call(contract.getCase, { params: { id } }),
    openFromOutcome: (body: OpenFromOutcomeBody) => api.call(contract.openCaseFromOutcome, { body }).then((r) => r.case),
    /** A direct request or a clinic (POST /casework/cases). */
    openCase: (idempotencyKey: string, input: CaseOpenInput) => api.call(contract.openCase, { body: { idempotencyKey, case: input } }).then((r) => r.case),
    update: (id: string, eTag: string, changes: CaseUpdateInput) => api.call(contract.updateCase, { params: { id }, body: { eTag, changes } }).then((r) => r.case),
    changeStatus: (id: string, eTag: string, change: CaseStatusInput) => api.call(contract.changeCaseStatus, { params: { id }, body: { eTag, change } }).then((r) => r.case),
    recordReview: (id: string, idempotencyKey: string, review: ReviewInput) => api.call(contract.recordReview, { params: { id }, body: { idempotencyKey, review } }),
    recordVisit: (id: string, idempotencyKey: string, visit: VisitInput) => api.call(contract.recordVisit, { params: { id }, body: { idempotencyKey, visit } }).then((r) => r.visit),
    close: (id: string, eTag: string, closure: CaseCloseInput) => api.call(contract.closeCase, { params: { id }, body: { eTag, closure } }).then((r) => r.case),
    setSenif: (id: string, eTag: string, senif: SenifInput) => api.call(contract.setSenif, { params: { id }, body: { eTag, senif } }).then((r) => r.case),
    clinics: (district?: string) => api.call(contract.listClinics, { query: district ? { district } : {} }).then((r) => r.items),
    recordClinic: (idempotencyKey: string, clinic: ClinicInput) => api.call(contract.recordClinic, { body: { idempotencyKey, clinic } }).then((r) => r.clinic),
    clinic: (id: string) => api.call(contract.getClinic, { params: { id } }).then((r) => r.clinic),
    updateClinic: (id: string, eTag: string, clinic: ClinicInput) => api.call(contract.updateClinic, { params: { id }, body: { eTag, clinic } }).then((r) => r.clinic),
    /** The district's specialist teachers and lead, for the lead's "allocated specialist teacher" select. */
    teachers: (district: string) => api.call(coreApi.people, { query: { district, role: "specialist_teacher,district_lead" } }).then((r) => r.items),
    figures: (district: string, year: string, term: number) => api.call(contract.caseworkFigures, { params: { district, year, term: String(term) } }),
    /** The district's referrals (for the approved outcomes without a case). */
    districtReferrals: () => api.call(referralsApi.listReferrals, { query: { scope: "district" } }).then((r) => r.items),
  };
}

export type CaseworkApi = ReturnType<typeof caseworkApi>;

export function useCaseworkApi(): CaseworkApi {
  const { api } = useSession();
  return useMemo(() => caseworkApi(api), [api]);
}
