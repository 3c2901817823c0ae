/**
 * The OpenAPI 3.1 document served at GET /api/openapi.json, generated from the route contracts
 * with zod's own JSON Schema output (OpenAPI 3.1 schemas are JSON Schema 2020-12).
 */
import { z } from "zod";
import { ApiErrorBody, type RouteContract } from "../../schemas/core/contract";

type JsonSchema = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "The request is not valid: `fieldErrors` names each bad path parameter, query parameter or body field",
  401: "Not signed in, or the token is not valid",
  403: "Signed in, but this role may not do this",
  404: "No such record, or not one this caller may see",
  409: "The request conflicts with the record's state",
  412: "The record changed since it was read (stale eTag); `detail` carries the current version",
  413: "The request body is too large",
  429: "Too many requests",
  502: "SharePoint did not answer",
  503: "A dependency is not ready",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
}

function parameters(schema: z.ZodObject | undefined, where: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const s = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, p]) => ({
    name,
    in: where,
    required: where === "path" || (s.required ?? []).includes(name),
    ...(typeof p.description === "string" ? { description: p.description } : {}),
    schema: p,
  }));
}

function successResponse(answer: RouteContract["responses"][number] | undefined, status: string): JsonSchema {
  if (answer === null || answer === undefined) return { description: "No content" };
  if ("file" in answer) {
    return { description: "A file", content: Object.fromEntries(answer.file.map((t) => [t, { schema: { type: "string", contentMediaType: t } }])) };
  }
  return { description: status.startsWith("2") ? "OK" : (ERROR_DESCRIPTIONS[Number(status)] ?? "Answer"), content: { "application/json": { schema: jsonSchema(answer, "output") } } };
}

function operation(c: RouteContract, name: string): JsonSchema {
  const errors = new Set<number>([...(c.params || c.query || c.body || c.upload ? [400] : []), ...(c.public ? [] : [401]), ...(c.errors ?? [])]);
  if (c.body || c.upload) errors.add(413);
  const responses: Record<string, JsonSchema> = {};
  for (const [status, answer] of Object.entries(c.responses)) responses[status] = successResponse(answer, status);
  for (const status of [...errors].sort()) {
    if (String(status) in responses) continue;
    responses[String(status)] = { description: ERROR_DESCRIPTIONS[status] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } };
  }
  const requestBody = c.body
    ? { required: true, content: { "application/json": { schema: jsonSchema(c.body, "input") } } }
    : c.upload
      ? { required: true, content: Object.fromEntries(c.upload.map((t) => [t, { schema: { type: "string", contentMediaType: t } }])) }
      : undefined;
  return {
    operationId: name,
    summary: c.summary,
    ...(c.public ? { security: [] } : {}),
    parameters: [...parameters(c.params, "path"), ...parameters(c.query, "query")],
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** `/referrals/:id` under /api → `/api/referrals/{id}`. */
export function openApiPath(path: string): string {
  return `/api${path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`;
}

export function openApiDocument(routes: ReadonlyArray<{ name: string; contract: RouteContract }>, info: { version: string }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const { name, contract } of routes) {
    (paths[openApiPath(contract.path)] ??= {})[contract.method.toLowerCase()] = operation(contract, name);
  }
  return {
    openapi: "3.1.0",
    info: { title: "LIFT Hub API", version: info.version },
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: { ApiError: jsonSchema(ApiErrorBody, "output") },
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "An Entra ID (or, locally, the app's own) access token" } },
    },
  };
}
