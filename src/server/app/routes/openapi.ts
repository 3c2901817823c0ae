import { coreApi } from "../../../schemas/core/api";
import { defineRoutes, type RouteTable } from "../define-routes";
import { openApiDocument } from "../openapi";

/** GET /api/openapi.json: the document for every route the app mounts, built once on first request. */
export function openApiRoutes(mounted: () => RouteTable, info: { version: string }): RouteTable {
  let document: Record<string, unknown> | undefined;
  return defineRoutes({ openApi: coreApi.openApi }, {
    openApi: () => (document ??= openApiDocument(mounted(), info)),
  });
}
