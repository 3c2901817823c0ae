/** The data-protection API as the tab uses it, typed from the contract src/schemas/data-protection/api.ts. */
import type { ApiClient } from "../shell";
import { dataProtectionApi as contract, type EraseAnswer, type RetentionApplied, type RetentionPreview, type RetentionRule, type SubjectAccessBundle } from "../../src/schemas/data-protection/api";
import type { RetentionRuleInput } from "../../src/schemas/data-protection/records";
import { routeUrl } from "../../src/schemas/core/contract";

export type { EraseAnswer, RetentionApplied, RetentionPreview, RetentionRule, SubjectAccessBundle };

export function dataProtectionApi(api: ApiClient) {
  return {
    subjectAccess: (ref: string) => api.call(contract.subjectAccess, { query: { case: ref } }),
    subjectAccessHtml: (ref: string) => api.download(routeUrl(contract.subjectAccessHtml, { query: { case: ref } })),
    schedule: () => api.call(contract.schedule, {}).then((r) => r.rules),
    setSchedule: (rules: RetentionRuleInput[]) => api.call(contract.setSchedule, { body: { rules } }).then((r) => r.rules),
    preview: (at: string) => api.call(contract.previewRetention, { query: { at } }),
    apply: (at: string) => api.call(contract.applyRetention, { body: { at } }),
    erase: (caseReference: string, reason: string) => api.call(contract.erase, { body: { caseReference, reason } }),
  };
}
export type DataProtectionClient = ReturnType<typeof dataProtectionApi>;
