/** The administration API as the tab uses it, typed from the contract src/schemas/admin/api.ts. */
import { useMemo } from "react";
import { useSession, type ApiClient } from "../shell";
import { adminApi as contract, type PersonInput, type PersonView, type PreviewAnswer, type TermInput, type YearView } from "../../src/schemas/admin/api";

import { structureApi, type DistrictInput, type DistrictView, type LiftGroupInput, type LiftGroupView, type StructureView, type CadenceFindingView } from "../../src/schemas/admin/structure-api";
import type { LocalityInput, LocalityView, SplitBody, SplitPreview } from "../../src/schemas/admin/structure-api";

export type { PersonInput, PersonView, PreviewAnswer, TermInput, YearView };
export type { DistrictInput, DistrictView, LiftGroupInput, LiftGroupView, StructureView, CadenceFindingView };
export type { LocalityInput, LocalityView, SplitBody, SplitPreview };
export type Covers = "1-2" | "3-4" | "5-6";

export function adminClient(api: ApiClient) {
  return {
    year: (year: string) => api.call(contract.calendarYear, { params: { year } }),
    preview: (year: string, terms: TermInput[]) => api.call(contract.previewYear, { params: { year }, body: { terms } }),
    saveYear: (year: string, terms: TermInput[]) => api.call(contract.saveYear, { params: { year }, body: { terms } }),
    importBankHolidays: (file: unknown) => api.call(contract.importBankHolidays, { body: file as never }),
    setDistrictDay: (district: string, date: string, kind: "inset" | "closure", note?: string) =>
      api.call(contract.setDistrictDay, { params: { district, date }, body: { kind, ...(note ? { note } : {}) } }),
    removeDistrictDay: (district: string, date: string) => api.call(contract.removeDistrictDay, { params: { district, date } }),
    setMonitoring: (district: string, year: string, covers: Covers, at: string, packUrl?: string) =>
      api.call(contract.setMonitoring, { params: { district, year, covers }, body: { at, ...(packUrl ? { packUrl } : {}) } }),
    coverage: () => api.call(contract.coverage, {}),
    people: (inactive?: "include") => api.call(contract.listPeople, { query: inactive ? { inactive } : {} }).then((r) => r.items),
    addPerson: (person: PersonInput) => api.call(contract.addPerson, { body: person }),
    updatePerson: (oid: string, person: Omit<PersonInput, "oid"> & { eTag?: string }) => api.call(contract.updatePerson, { params: { oid }, body: person }),
    setActive: (oid: string, active: boolean) => api.call(active ? contract.reactivatePerson : contract.deactivatePerson, { params: { oid } }),
    importPeople: (csv: string) => api.call(contract.importPeople, { body: { csv } }),
    directory: (q: string) => api.call(contract.directory, { query: { q } }).then((r) => r.items),
    structure: () => api.call(structureApi.structure, {}),
    addDistrict: (district: DistrictInput) => api.call(structureApi.addDistrict, { body: district }),
    changeDistrict: (district: string, name: string, area: string, eTag?: string) => api.call(structureApi.changeDistrict, { params: { district }, body: { name, area, ...(eTag ? { eTag } : {}) } }),
    retireDistrict: (district: string, on: string, eTag?: string) => api.call(structureApi.retireDistrict, { params: { district }, body: { on, ...(eTag ? { eTag } : {}) } }),
    saveLocality: (locality: string, body: LocalityInput) => api.call(structureApi.saveLocality, { params: { locality }, body }),
    previewSplit: (district: string, body: SplitBody) => api.call(structureApi.previewSplit, { params: { district }, body }),
    splitDistrict: (district: string, body: SplitBody) => api.call(structureApi.splitDistrict, { params: { district }, body }),
    saveLiftGroup: (group: string, body: LiftGroupInput) => api.call(structureApi.saveLiftGroup, { params: { group }, body }),
    cadence: (year: string, term?: number) => api.call(structureApi.liftGroupCadence, { query: { year, ...(term ? { term } : {}) } }).then((r) => r.items),
  };
}

export type AdminClient = ReturnType<typeof adminClient>;

export function useAdminClient(): AdminClient {
  const { api } = useSession();
  return useMemo(() => adminClient(api), [api]);
}
