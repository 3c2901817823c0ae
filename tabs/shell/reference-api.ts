/** GET /api/reference: the districts, areas and terms the pages pick from, as the reference lists hold them. */
import { coreApi } from "../../src/schemas/core/api";
import type { ApiClient } from "./api";
import type { ReferenceData } from "./reference-data";

export function getReferenceData(api: ApiClient): Promise<ReferenceData> {
  return api.call(coreApi.reference, {});
}
