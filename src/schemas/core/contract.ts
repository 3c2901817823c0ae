/**
 * How an API route is described: method, path, and zod schemas for its path parameters, query,
 * body and answers. Each feature lists its routes in `src/schemas/<feature>/api.ts`; the server
 * parses requests with these schemas (src/server/app/define-routes.ts), `/api/openapi.json` is
 * generated from them, the tabs' clients take their types from them and the API tests check the
 * answers against them.
 */
import { z } from "zod";

// Declaring a route and filling in its URL need no zod: they live apart so a tab page that only calls
// routes does not load zod before its first paint (tabs/vite/schemas-for-pages.ts).
export { route, routeUrl } from "./route";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** An answer that is a file (CSV, XLSX), not JSON: its possible content types. */
export interface FileAnswer {
  file: readonly string[];
}

/** Path parameters and query strings are text on the wire: their schemas take strings in (an empty query value counts as absent). */
export type ParamsSchema = z.ZodObject;

export interface RouteContract {
  method: HttpMethod;
  /** Under /api, express style: `/referrals/:id`. */
  path: string;
  summary: string;
  params?: ParamsSchema;
  query?: ParamsSchema;
  /** A JSON body. */
  body?: z.ZodType;
  /** A raw body (a file upload) of one of these content types, instead of JSON. */
  upload?: readonly string[];
  /** The largest upload in bytes (default 5 MB); a larger one answers 413 with `fieldErrors.file`. */
  uploadLimit?: number;
  /** Answers by status (the first is the usual one): a JSON schema, a file, or null for no body (204). */
  responses: { readonly [status: number]: z.ZodType | FileAnswer | null };
  /** Error statuses this route can answer besides 400 (bad input) and 401 (not signed in). */
  errors?: readonly ErrorStatus[];
  /** Answers without a signed-in user (health only). */
  public?: boolean;
}

export type ErrorStatus = 403 | 404 | 409 | 412 | 413 | 429 | 502 | 503;

export type MethodOf<E> = E extends `${infer M extends HttpMethod} ${string}` ? M : never;
export type PathOf<E> = E extends `${HttpMethod} ${infer P}` ? P : never;

/** A feature's routes by name. */
export type ApiContract = Record<string, RouteContract>;

// ---------------------------------------------------------------------------------------------
// What a contract says about a route's values (used by the server helper and the clients)

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

export type ParamsOf<C extends RouteContract> = Out<C["params"]>;
export type QueryOf<C extends RouteContract> = Out<C["query"]>;
export type BodyOf<C extends RouteContract> = Out<C["body"]>;
/** What a client sends as the query (before defaults and coercion). */
export type QueryInputOf<C extends RouteContract> = In<C["query"]>;
export type BodyInputOf<C extends RouteContract> = In<C["body"]>;

type AnswerOf<R> = R extends z.ZodType ? z.output<R> : R extends null ? void : never;
/** The JSON answer of a route's success statuses (void for 204, never for a file). */
export type ResponseOf<C extends RouteContract> = { [K in keyof C["responses"]]: AnswerOf<C["responses"][K]> }[keyof C["responses"]];

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** Field-level messages keyed by a dotted path into the body, or by the parameter's name. */
export const FieldErrors = z.record(z.string(), z.array(z.string()));

/** The one error format of the JSON API (src/server/app/http-errors.ts writes it). */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string().meta({ description: "Machine-readable, e.g. validation_failed, not_found, precondition_failed" }),
    message: z.string().meta({ description: "A sentence for the user" }),
    fieldErrors: FieldErrors.optional(),
    /** Extra machine-readable detail, e.g. the current record on a 412. */
    detail: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/**
 * A record's id in a path. Ids are opaque to callers: an unknown or malformed one answers 404 (no
 * such record, the same as one the caller may not see), not 400, so the services check them.
 */
export const ItemId = z.string().min(1).meta({ description: "A record id (a SharePoint list item id, digits); any other value answers 404" });
/** A district slug such as `dover` or `swale-and-sittingbourne`. */
export const DistrictSlugParam = z.string().regex(/^[a-z]+(-[a-z]+)*$/, "Expected a district's slug, e.g. dover");
export const ETag = z.string().min(1).max(200);
/** A district's records between two dates: the district defaults to the caller's, commissioners name one. */
export const DistrictDateRangeQuery = z
  .object({
    district: DistrictSlugParam.optional().meta({ description: "Default the caller's district; commissioners name one" }),
    from: z.iso.date({ message: "Enter a date as YYYY-MM-DD" }).optional(),
    to: z.iso.date({ message: "Enter a date as YYYY-MM-DD" }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { path: ["to"], message: "The end date is before the start date" });
/** ISO instants in answers. */
export const Instant = z.string();

// ---------------------------------------------------------------------------------------------
// Calling a route (the tabs' clients)

/** A part the route has is required unless every field of it is optional. */
type Part<K extends string, S> = S extends z.ZodType
  ? Record<never, never> extends z.input<S>
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : { [P in K]?: never };

/** What a client passes to call a route: its path parameters, query and body, as the contract types them. */
export type CallInput<C extends RouteContract> = Part<"params", C["params"]> & Part<"query", C["query"]> & Part<"body", C["body"]> & { signal?: AbortSignal };
