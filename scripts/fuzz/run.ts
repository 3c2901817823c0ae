/**
 * The fuzz run: starts the app as `npm start` does on its embedded default (the Graph emulator with
 * the demo data, in memory, a fresh DATA_DIR), with the per-user rate limit lifted; reads the routes
 * from its OpenAPI document; sends each route `perEndpoint` generated requests as the demo users;
 * and after every request asks each list's delta what changed, so a record changed by a refused
 * (4xx) request is caught and named. Ends with a /healthz check.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { Agent, fetch } from "undici";
import { loadConfig } from "../../src/config/config";
import { startApp, type RunningApp } from "../../src/server/app/start";
import { createLogger, type Logger } from "../../src/server/core/logger";
import { RecordWatch, type ItemChange } from "./record-watch";
import { ANONYMOUS, BAD_TOKEN, requestsFor, type FuzzRequest, type Operation } from "./requests";
import { useDomain, type Domain } from "./domain";
import { useKnown } from "./values";

/** One user per role of the local identity provider's demo directory (DESIGN "demo users"). */
export const FUZZ_USERS = ["commissioner@lift.local", "lead.dover@lift.local", "lead.thanet@lift.local", "teacher.dover@lift.local", "senco.dover@lift.local", "senco.thanet@lift.local"] as const;

export type StatusClass = "2xx" | "3xx" | "4xx" | "5xx";

export interface RouteCounts {
  route: string;
  counts: Record<StatusClass, number>;
  /**
   * Why requests were refused: `status code` (and the first field named, for validation), counted.
   * Says which check a route's requests stop at, so a route that never gets a 2xx can be aimed better.
   */
  refusals?: Record<string, number>;
}

export interface Failure {
  route: string;
  request: Pick<FuzzRequest, "method" | "url" | "as" | "contentType"> & { body?: string };
  status: number;
  problem: string;
}

export interface FuzzReport {
  seed: number;
  perEndpoint: number;
  routes: RouteCounts[];
  total: Record<StatusClass, number>;
  /** 5xx answers, network failures, and refused requests that changed a record. */
  failures: Failure[];
  healthAfter: number;
  requests: number;
}

export interface FuzzOptions {
  perEndpoint: number;
  seed?: number;
  /** Only routes whose "METHOD /api/path" contains this text. */
  only?: string;
  /** Progress lines (one per route). */
  say?: (line: string) => void;
  log?: Logger;
  /** Ask the deltas after every read too (default: after every mutating request and every 20 reads). */
  checkEveryRead?: boolean;
  /** Run only every `count`-th route, from the `index`-th (0-based): one of several processes sharing a run. */
  shard?: { index: number; count: number };
}

/**
 * Requests are generated this many at a time (a route's N can be 10,000, some bodies are megabytes),
 * each batch just before it is sent, offered the ids and eTags the app holds at that moment.
 */
export const BATCH = 500;

/** Whether the i-th route is a shard's: every `count`-th from its `index`th, so each route is one shard's. */
export function inShard(i: number, shard: FuzzOptions["shard"]): boolean {
  return !shard || i % shard.count === shard.index;
}

const empty = (): Record<StatusClass, number> => ({ "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0 });
const classOf = (status: number): StatusClass => (status >= 500 ? "5xx" : status >= 400 ? "4xx" : status >= 300 ? "3xx" : "2xx");

async function startFuzzApp(log: Logger): Promise<{ app: RunningApp; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lift-hub-fuzz-"));
  // Thousands of requests as one user in seconds: the per-user rate limit is lifted for the run.
  // Only these settings, whatever the shell holds: the fuzz always runs on the embedded default.
  const config = loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent", REMINDERS: "off", DEMO_DATA: "on", RATE_LIMIT_PER_MINUTE: "100000000", RATE_LIMIT_BURST: "100000000" });
  const app = await startApp(config, { inMemory: true, log });
  return {
    app,
    stop: async () => {
      await app.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function describe(req: FuzzRequest): Failure["request"] {
  const body = req.body === undefined ? undefined : typeof req.body === "string" ? req.body : `<${req.body.length} bytes>`;
  return { method: req.method, url: req.url.length > 300 ? `${req.url.slice(0, 300)}…` : req.url, as: req.as, ...(req.contentType ? { contentType: req.contentType } : {}), ...(body !== undefined ? { body: body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body } : {}) };
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const say = options.say ?? (() => undefined);
  const { app, stop } = await startFuzzApp(options.log ?? createLogger("silent"));
  try {
    const tokens = new Map<string, string>();
    for (const user of FUZZ_USERS) {
      const res = await fetch(`${app.url}/auth/local/token?as=${encodeURIComponent(user)}`);
      if (res.status !== 200) throw new Error(`No token for ${user}: HTTP ${res.status}`);
      tokens.set(user, ((await res.json()) as { access_token: string }).access_token);
    }
    const doc = (await (await fetch(`${app.url}/api/openapi.json`, { headers: { Authorization: `Bearer ${tokens.get(FUZZ_USERS[0])}` } })).json()) as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(doc.paths)
      .flatMap(([p, methods]) => Object.entries(methods).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path: p })))
      .filter((op) => !options.only || `${op.method} ${op.path}`.includes(options.only))
      .filter((_, i) => inShard(i, options.shard));

    const localGraph = app.localGraph;
    const watch = new RecordWatch(app.graph.site.api, app.graph.site.siteId, localGraph ? () => localGraph.changeCounters() : undefined);
    await watch.start();
    const districts = await app.context.reference.districts();
    const pool = { slugs: districts.map((d) => d.slug) };
    const domain = await readDomain(app);
    say(`Domain values: ${domain.years.length} academic years (${domain.years.join(", ")}), ${domain.terms.length} terms, ${domain.districts.length} districts, ${domain.localities.length} localities, ${domain.liftGroups.length} LIFT groups, ${domain.settings.length} settings, ${domain.people.length} people, ${domain.caseReferences.length} case references`);
    const refreshKnown = () => {
      const items = watch.items();
      useKnown({ ids: [...new Set([...watch.ids.values()].flatMap((s) => [...s]))], eTags: [...watch.eTags.values()], items });
      useDomain({ ...domain, items });
    };

    // The app runs in this process: while a route's requests are generated (seconds, for the huge
    // ones) its keep-alive timers cannot fire, and a connection reused just after may be closed by the
    // server as the request goes out (ECONNRESET, on the client's side, not an answer). So each route
    // starts on fresh connections, and idle ones are dropped well before the server's 5 s.
    let dispatcher = new Agent({ keepAliveTimeout: 1000 });
    const send = async (req: FuzzRequest): Promise<{ status: number; reason?: string }> => {
      const headers: Record<string, string> = {};
      if (req.as === BAD_TOKEN) headers.Authorization = "Bearer not.a.token";
      else if (req.as !== ANONYMOUS) headers.Authorization = `Bearer ${tokens.get(req.as)}`;
      if (req.contentType) headers["Content-Type"] = req.contentType;
      const res = await fetch(`${app.url}${req.url}`, { method: req.method, headers, dispatcher, ...(req.body !== undefined && req.method !== "GET" ? { body: req.body } : {}) });
      const text = await res.text();
      return { status: res.status, ...(res.status >= 400 && res.status < 500 ? { reason: reasonOf(res.status, text) } : {}) };
    };

    const report: FuzzReport = { seed, perEndpoint: options.perEndpoint, routes: [], total: empty(), failures: [], healthAfter: 0, requests: 0 };
    const refusedSinceCheck: Array<{ req: FuzzRequest; status: number; route: string }> = [];
    const blame = (changes: ItemChange[]) => {
      const named = changes.map((c) => `${c.list} item ${c.id}${c.deleted ? " deleted" : " changed"}`).join(", ");
      for (const r of refusedSinceCheck) report.failures.push({ route: r.route, request: describe(r.req), status: r.status, problem: `a refused request changed records: ${named}` });
    };

    for (const op of operations) {
      const route = `${op.method} ${op.path}`;
      const counts = empty();
      const refusals: Record<string, number> = {};
      const arbitrary = requestsFor(op, FUZZ_USERS, pool);
      await dispatcher.close();
      dispatcher = new Agent({ keepAliveTimeout: 1000 });
      let reads = 0;
      const sendAndLook = async (req: FuzzRequest): Promise<void> => {
        let status: number;
        try {
          const answer = await send(req);
          status = answer.status;
          if (answer.reason) refusals[answer.reason] = (refusals[answer.reason] ?? 0) + 1;
        } catch (err) {
          report.failures.push({ route, request: describe(req), status: 0, problem: `no answer: ${(err as Error).message}${(err as Error).cause ? ` (${String((err as Error).cause)})` : ""}` });
          return;
        }
        report.requests++;
        counts[classOf(status)]++;
        if (status >= 500) report.failures.push({ route, request: describe(req), status, problem: "server error" });
        const refused = status >= 400 && status < 500;
        const mutating = req.method !== "GET";
        // Reads change nothing but the audit trail: their deltas may be asked in batches.
        if (mutating || options.checkEveryRead === true || ++reads % 20 === 0) {
          if (refused) refusedSinceCheck.push({ req, status, route });
          const changes = await watch.changes();
          if (changes.length > 0 && refusedSinceCheck.length > 0 && (refused || !mutating)) blame(changes);
          refusedSinceCheck.length = 0;
        } else if (refused) refusedSinceCheck.push({ req, status, route });
      };
      for (let from = 0; from < options.perEndpoint; from += BATCH) {
        // A route's requests depend on the seed, the route and what the app holds, so --only
        // repeats them on a fresh app.
        refreshKnown();
        for (const req of fc.sample(arbitrary, { numRuns: Math.min(BATCH, options.perEndpoint - from), seed: (seed + hash(route) + from) | 0 })) await sendAndLook(req);
      }
      if (refusedSinceCheck.length > 0) {
        const changes = await watch.changes();
        if (changes.length > 0) blame(changes);
        refusedSinceCheck.length = 0;
      }
      report.routes.push({ route, counts, refusals });
      for (const k of Object.keys(counts) as StatusClass[]) report.total[k] += counts[k];
      // A route no request got through: what stopped them, to aim its requests better.
      const stoppedBy = counts["2xx"] === 0 ? `  — most refused: ${topReasons(refusals, 3)}` : "";
      say(`${route.padEnd(62)} ${(Object.keys(counts) as StatusClass[]).map((k) => `${k} ${counts[k]}`).join("  ")}${stoppedBy}`);
    }
    report.healthAfter = (await fetch(`${app.url}/healthz`, { dispatcher })).status;
    await dispatcher.close();
    return report;
  } finally {
    await stop();
  }
}

/** The commonest refusal reasons, with their counts. */
export function topReasons(refusals: Record<string, number>, n: number): string {
  return Object.entries(refusals)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([reason, count]) => `${reason} ×${count}`)
    .join(", ");
}

/**
 * The domain's values as the app holds them when the run starts: its calendar's years and terms,
 * districts, localities, LIFT groups, settings, people (the fuzz users' districts and settings
 * first) and the case references handed out. Item ids come from the record watch as the run goes.
 */
/** The columns that say whose a record is: who made it, or the teacher who holds it. */
const OWNER_COLUMNS = ["createdByOid", "sencoOid", "allocatedTeacherOid", "teacherOid"];

export async function readDomain(app: RunningApp): Promise<Domain> {
  const reference = app.context.reference;
  const [calendar, districts, localities, liftGroups, settings, people] = await Promise.all([reference.calendar(), reference.districts(), reference.localities(), reference.liftGroups(), reference.settings(), app.context.people.list()]);
  const fuzzers = people.filter((p) => (FUZZ_USERS as readonly string[]).includes(p.upn));
  const homeDistricts = [...new Set(fuzzers.flatMap((p) => (p.districtSlug ? [p.districtSlug] : [])))];
  const open = districts.filter((d) => !d.retiredOn);
  const { siteId, api } = app.graph.site;
  const lists = await api.request<{ value: Array<{ id: string; displayName: string }> }>("GET", `/sites/${siteId}/lists?$select=id,displayName`);
  const districtRecords = await app.graph.stores.districts.all();
  const personRecords = await app.graph.stores.people.all();
  const refList = lists.value.find((l) => l.displayName === "CaseReferences");
  // Which district each record is in and whose it is, for the lists that say: one read of those columns.
  const itemDistricts = new Map<string, Map<string, string>>();
  const itemOwners = new Map<string, Map<string, string>>();
  for (const list of lists.value) {
    const columns = (await api.request<{ value: Array<{ name: string }> }>("GET", `/sites/${siteId}/lists/${list.id}/columns?$select=name`)).value.map((c) => c.name);
    const owner = OWNER_COLUMNS.find((c) => columns.includes(c));
    const wanted = [...(columns.includes("districtSlug") ? ["districtSlug"] : []), ...(owner ? [owner] : [])];
    if (wanted.length === 0) continue;
    let link: string | undefined = `/sites/${siteId}/lists/${list.id}/items?$expand=fields($select=${wanted.join(",")})&$top=500`;
    const districts = new Map<string, string>();
    const owners = new Map<string, string>();
    while (link) {
      const page: { value: Array<{ id: string; fields?: Record<string, unknown> }>; "@odata.nextLink"?: string } = await api.request("GET", link);
      for (const item of page.value) {
        const district = item.fields?.districtSlug;
        const oid = owner ? item.fields?.[owner] : undefined;
        if (typeof district === "string") districts.set(item.id, district);
        if (typeof oid === "string") owners.set(item.id, oid);
      }
      link = page["@odata.nextLink"];
    }
    if (districts.size > 0) itemDistricts.set(list.displayName, districts);
    if (owners.size > 0) itemOwners.set(list.displayName, owners);
  }
  const refs = refList ? await api.request<{ value: Array<{ fields?: { Title?: string } }> }>("GET", `/sites/${siteId}/lists/${refList.id}/items?$expand=fields($select=Title)&$top=500`) : { value: [] };
  return {
    years: [...new Set(calendar.terms.map((t) => t.academicYear))],
    terms: calendar.terms.map((t) => ({ academicYear: t.academicYear, term: t.term, start: t.start, end: t.end })),
    districts: open.map((d) => d.slug),
    areas: [...new Set(districts.map((d) => d.area))],
    homeDistricts,
    localities: localities.map((l) => l.slug),
    liftGroups: liftGroups.map((g) => g.id),
    settings: settings.map((s) => s.id),
    homeSettings: settings.filter((s) => homeDistricts.includes(s.districtSlug)).map((s) => s.id),
    people: people.map((p) => ({ oid: p.oid, upn: p.upn, ...(p.districtSlug ? { district: p.districtSlug } : {}) })),
    others: people.filter((p) => !fuzzers.includes(p)).map((p) => ({ oid: p.oid, upn: p.upn, ...(p.districtSlug ? { district: p.districtSlug } : {}) })),
    caseReferences: refs.value.flatMap((r) => (r.fields?.Title ? [r.fields.Title] : [])),
    items: new Map(),
    itemDistricts,
    itemOwners,
    personItems: new Map(personRecords.flatMap((r) => (typeof r.value.oid === "string" ? [[r.value.oid, r.id] as [string, string]] : []))),
    districtItems: new Map(districtRecords.flatMap((r) => (typeof r.value.slug === "string" ? [[r.value.slug, r.id] as [string, string]] : []))),
    users: new Map(fuzzers.map((p) => [p.upn, { oid: p.oid, ...(p.districtSlug ? { district: p.districtSlug } : {}), ...(p.settingId ? { settingId: p.settingId } : {}) }])),
    settingsByDistrict: new Map([...new Set(settings.map((s) => s.districtSlug))].map((d) => [d, settings.filter((s) => s.districtSlug === d).map((s) => s.id)])),
  };
}

/** A refusal's status and error code, with the first field a validation error names. */
function reasonOf(status: number, text: string): string {
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; fieldErrors?: Record<string, unknown> } };
    const field = error?.fieldErrors ? Object.keys(error.fieldErrors)[0] : undefined;
    return `${status} ${error?.code ?? "?"}${field !== undefined ? ` ${field}` : ""}`;
  } catch {
    return `${status} (not JSON)`;
  }
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}
