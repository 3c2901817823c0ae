/** Turns results and GraphErrors into Graph-shaped responses ([§7.1](../../../docs/reference/graph-sharepoint-lists.md#71-error-body)). */
import { GraphError, GraphErrors } from "../errors";
import { errorDate, type EmulatorRequest, type EmulatorResponse } from "./types";

export function errorResponse(err: unknown, req: Pick<EmulatorRequest, "requestId" | "clientRequestId">): EmulatorResponse {
  const e = err instanceof GraphError ? err : GraphErrors.generalException(err instanceof Error ? err.message : String(err));
  return {
    status: e.status,
    headers: { ...e.headers },
    body: {
      error: {
        code: e.code,
        message: e.message,
        innerError: {
          ...e.innerExtra,
          date: errorDate(),
          "request-id": req.requestId,
          "client-request-id": req.clientRequestId,
        },
      },
    },
  };
}

export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, body, headers };
}

export function noContent(): EmulatorResponse {
  return { status: 204 };
}
