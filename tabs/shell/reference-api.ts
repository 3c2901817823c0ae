/** GET /api/reference: the districts, areas and terms the pages pick from, as the reference lists hold them. */
import type { ApiClient } from "./api";
import type { ReferenceData } from "./reference-data";

export function getReferenceData(api: ApiClient): Promise<ReferenceData> {
  return api.get<ReferenceData>("/api/reference");
}
