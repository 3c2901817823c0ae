/**
 * Routes from contracts: `defineRoutes(contract, handlers)` binds a handler to each route of a
 * feature's contract (src/schemas/<feature>/api.ts); `apiRouter(tables)` mounts every bound route
 * once, one express router per URL prefix. The request's path parameters, query and body are parsed
 * here with the contract's schemas, and nowhere else: handlers and services get typed values.
 * README.md in this folder explains the rules.
 */
import express, { Router, type Request, type RequestHandler, type Response } from "express";
import type { z } from "zod";
import { AppError, fieldErrorsFromIssues, parseBody, type FieldErrors } from "../../errors";
import type { ApiContract, BodyOf, ParamsOf, QueryOf, ResponseOf, RouteContract } from "../../schemas/core/contract";
import type { Person } from "../../schemas/reference/person";
import { currentUser } from "./authenticate";

/** A success answer with a status other than the route's first declared one (e.g. 201 vs 200). */
export class Reply<T> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}
export const reply = <T>(status: number, body: T) => new Reply(status, body);

/** A file answer (CSV or XLSX download). */
export class FileReply {
  constructor(
    readonly contentType: string,
    readonly filename: string,
    readonly data: Buffer,
    /** A Content-Disposition of the handler's own (e.g. with an RFC 5987 name); default attachment with `filename`. */
    readonly disposition?: string,
  ) {}
}

export interface RouteInput<C extends RouteContract> {
  /** The signed-in caller (throws on public routes, which have none). */
  readonly user: Person;
  readonly params: ParamsOf<C>;
  readonly query: QueryOf<C>;
  readonly body: C["upload"] extends readonly string[] ? Buffer : BodyOf<C>;
  /** The request's Content-Type (uploads tell CSV from XLSX by it). */
  readonly contentType: string;
}

type Answer<C extends RouteContract> = ResponseOf<C> extends infer R ? R | Reply<R> | FileReply : never;
export type RouteHandler<C extends RouteContract> = (input: RouteInput<C>) => Promise<Answer<C>> | Answer<C>;
export type Handlers<T extends ApiContract> = { [K in keyof T]: RouteHandler<T[K]> };

export interface BoundRoute {
  name: string;
  contract: RouteContract;
  handle: RequestHandler;
}
/** What a feature's route factory returns and the app mounts: its contract's routes with handlers. */
export type RouteTable = readonly BoundRoute[];

/** Uploads (KPI imports) may be larger than JSON bodies. */
const UPLOAD_LIMIT = "5mb";

export function defineRoutes<T extends ApiContract>(contract: T, handlers: Handlers<T>): RouteTable {
  return Object.entries(contract).map(([name, c]) => ({ name, contract: c, handle: bind(c, handlers[name] as unknown as RouteHandler<RouteContract>) }));
}

function bind(contract: RouteContract, handler: RouteHandler<RouteContract>): RequestHandler {
  return async (req, res) => {
    const fieldErrors: FieldErrors = {};
    const params = parseParts(contract.params, req.params, fieldErrors);
    const query = parseParts(contract.query, withoutEmpty(req.query), fieldErrors);
    if (Object.keys(fieldErrors).length > 0) throw new AppError("validation_failed", `Check ${Object.keys(fieldErrors).join(", ")} in the address.`, { fieldErrors });
    const body = contract.upload ? (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)) : contract.body ? parseBody(contract.body, req.body) : undefined;
    const input = {
      get user() {
        return currentUser(req);
      },
      params,
      query,
      body,
      contentType: String(req.headers["content-type"] ?? ""),
    } as RouteInput<RouteContract>;
    send(res, contract, await handler(input));
  };
}

/** Path parameters and query values by name; an issue deeper in (a list element) keeps its dotted path. */
function parseParts(schema: z.ZodObject | undefined, value: unknown, errors: FieldErrors): unknown {
  if (!schema) return {};
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  Object.assign(errors, fieldErrorsFromIssues(result.error.issues));
  return undefined;
}

/** `?district=` counts as no district, as the tabs send empty filters. */
function withoutEmpty(query: Request["query"]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== "" && v !== undefined));
}

function send(res: Response, contract: RouteContract, answer: unknown): void {
  if (answer instanceof FileReply) {
    res.setHeader("Content-Type", answer.contentType);
    res.setHeader("Content-Disposition", answer.disposition ?? `attachment; filename="${answer.filename}"`);
    res.send(answer.data);
    return;
  }
  const { status, body } = answer instanceof Reply ? answer : { status: Number(Object.keys(contract.responses)[0]), body: answer };
  if (status === 204 || body === undefined) res.status(status).end();
  else res.status(status).json(body);
}

// ---------------------------------------------------------------------------------------------
// Mounting

/** `/lift-meetings/:id/agenda` → `lift-meetings`: the router that serves it. */
export function prefixOf(path: string): string {
  return path.split("/")[1] ?? "";
}

/**
 * One router per URL prefix, each route mounted once. Within a prefix, a literal segment is tried
 * before a parameter in the same place (`/lift-meetings/counts` before `/lift-meetings/:id`), so
 * the order routes are declared in never matters and no handler passes a request on with `next()`.
 * Two routes with the same method and shape (`/a/:id` and `/a/:x`) are a start-up error.
 */
export function apiRouter(tables: readonly RouteTable[]): Router {
  const routes = tables.flat();
  const seen = new Map<string, string>();
  for (const r of routes) {
    const key = `${r.contract.method} ${r.contract.path.replace(/:[^/]+/g, ":")}`;
    const clash = seen.get(key);
    if (clash) throw new Error(`API route ${r.contract.method} ${r.contract.path} (${r.name}) clashes with ${clash}`);
    seen.set(key, `${r.contract.path} (${r.name})`);
  }
  const byPrefix = new Map<string, BoundRoute[]>();
  for (const r of routes) byPrefix.set(prefixOf(r.contract.path), [...(byPrefix.get(prefixOf(r.contract.path)) ?? []), r]);
  const api = Router();
  for (const [prefix, list] of [...byPrefix.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const router = Router();
    for (const r of [...list].sort((a, b) => compareShapes(a.contract.path, b.contract.path))) {
      const rest = r.contract.path.slice(prefix.length + 1) || "/";
      const middleware: RequestHandler[] = r.contract.upload ? [uploadBody(r.contract.upload, r.contract.uploadLimit)] : [];
      router[r.contract.method.toLowerCase() as "get"](rest, ...middleware, r.handle);
    }
    api.use(`/${prefix}`, router);
  }
  return api;
}

/** The raw body of an upload; one over the route's limit is 413 with a message for the form's file field. */
function uploadBody(types: readonly string[], limit: number | undefined): RequestHandler {
  const raw = express.raw({ type: [...types], limit: limit ?? UPLOAD_LIMIT });
  return (req, res, next) =>
    raw(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === "entity.too.large") {
        const mb = Math.round((limit ?? 5 * 1024 * 1024) / (1024 * 1024));
        next(new AppError("payload_too_large", `The file is larger than ${mb} MB.`, { fieldErrors: { file: [`The file is larger than ${mb} MB.`] } }));
        return;
      }
      next(err as Error | undefined);
    });
}

/** Literal segments sort before parameters at the first place two paths differ. */
function compareShapes(a: string, b: string): number {
  const sa = a.split("/");
  const sb = b.split("/");
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const pa = (sa[i] ?? "").startsWith(":");
    const pb = (sb[i] ?? "").startsWith(":");
    if (pa !== pb) return pa ? 1 : -1;
  }
  return 0;
}
