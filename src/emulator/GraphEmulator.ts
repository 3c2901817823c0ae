/**
 * The emulator as a library: `new GraphEmulator(options)`, `start()`, `stop()`.
 * The HTTPS listener does transport only: read the body, authenticate, apply faults, then
 * `dispatch` (dispatch.ts) and write Graph-shaped JSON with request-id/client-request-id headers.
 *
 * Configuration comes only from `options` (never from process.env): the command (cli.ts) or the
 * app (src/server/app/start.ts) reads its environment once at start-up and passes what it found.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { Authenticator, type AuthOptions } from "./auth";
import { inMemoryCert, loadOrCreateCert } from "./cert";
import { dispatch } from "./dispatch";
import { GraphErrors } from "./errors";
import { FaultInjector, type FaultOptions } from "./faults";
import { ensureSites, type HostedSite } from "./handlers/sites";
import { isTransferPath, MAX_FRAGMENT, transfer } from "./handlers/upload-session";
import { errorResponse } from "./http/respond";
import { JSON_CONTENT_TYPE, type EmulatorRequest, type EmulatorResponse } from "./http/types";
import { SqliteStore } from "./store/SqliteStore";

export interface GraphEmulatorOptions {
  port?: number; // default 3979 (DEFAULT_PORT); 0 = pick a free port
  host?: string; // default "127.0.0.1" (loopback only)
  dataDir?: string; // cert (emulator-cert.pem/key) and SQLite (graph-emulator.sqlite); default DEFAULT_DATA_DIR
  inMemory?: boolean; // SQLite ":memory:" and a throwaway cert; nothing written to disk
  sites?: HostedSite[];
  rootHostname?: string; // default "lift.sharepoint.com"
  auth?: AuthOptions; // default { mode: "any" }
  faults?: FaultOptions; // default: none
  log?: (line: string) => void; // request log lines; never bodies
  uploadSessionTtlMs?: number; // an upload session's lifetime, renewed by each fragment; default 24 h
}

export const DEFAULT_PORT = 3979;
export const DEFAULT_DATA_DIR = "./.data";
export const DB_FILE = "graph-emulator.sqlite";
export const DEFAULT_SITES: HostedSite[] = [{ hostname: "lift.sharepoint.com", path: "/sites/lift-hub", displayName: "LIFT Hub" }];
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** File bytes (simple upload, an upload-session fragment) may be larger than a JSON body ([§12.4](../../docs/reference/graph-sharepoint-lists.md#124-upload-sessions): under 60 MiB). */
const MAX_FILE_BODY_BYTES = MAX_FRAGMENT;

export class GraphEmulator {
  private server?: Server;
  private store?: SqliteStore;
  private _url = "";
  private _ca = "";
  private _certPath?: string;
  private readonly auth: Authenticator;
  private readonly faults: FaultInjector;
  private readonly rootHostname: string;

  constructor(private readonly options: GraphEmulatorOptions = {}) {
    this.auth = new Authenticator(options.auth ?? { mode: "any" });
    this.faults = new FaultInjector(options.faults ?? {});
    this.rootHostname = (options.rootHostname ?? "lift.sharepoint.com").toLowerCase();
  }

  get url(): string {
    return this._url;
  }
  get ca(): string {
    return this._ca;
  }
  /** Where the certificate PEM is on disk (undefined in memory mode). */
  get certPath(): string | undefined {
    return this._certPath;
  }

  async start(): Promise<{ url: string; ca: string }> {
    if (this.server) throw new Error("GraphEmulator already started");
    const dataDir = resolve(this.options.dataDir ?? DEFAULT_DATA_DIR);
    let pair: { cert: string; key: string };
    if (this.options.inMemory) pair = await inMemoryCert();
    else {
      const stored = await loadOrCreateCert(dataDir);
      this._certPath = stored.certPath;
      pair = stored;
    }
    if (!this.options.inMemory) mkdirSync(dataDir, { recursive: true });
    const store = new SqliteStore(this.options.inMemory ? ":memory:" : join(dataDir, DB_FILE));
    ensureSites(store, this.rootHostname, this.options.sites ?? DEFAULT_SITES);
    if (this.options.uploadSessionTtlMs !== undefined) store.drives.sessionTtlMs = this.options.uploadSessionTtlMs;
    const server = createServer({ cert: pair.cert, key: pair.key }, (req, res) => {
      this.onRequest(req, res).catch((err: unknown) => {
        this.log(`internal error: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    const port = this.options.port ?? DEFAULT_PORT;
    try {
      await new Promise<void>((ok, fail) => {
        server.once("error", fail);
        server.listen(port, this.options.host ?? "127.0.0.1", () => {
          server.off("error", fail);
          ok();
        });
      });
    } catch (err) {
      store.close();
      throw err;
    }
    this.server = server;
    this.store = store;
    this._ca = pair.cert;
    this._url = `https://localhost:${(server.address() as AddressInfo).port}`;
    return { url: this._url, ca: this._ca };
  }

  /**
   * Each list's change counter (the "now" its delta links carry), by list id: one query, so a tool
   * that watches for writes (the API fuzz) asks the deltas only of the lists that moved.
   */
  changeCounters(): Map<string, number> {
    if (!this.store) throw new Error("The emulator is not started");
    return this.store.changeCounters();
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    });
    this.store?.close();
    this.store = undefined;
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    const clientRequestId = headers["client-request-id"] ?? requestId;
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const fullPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const base: EmulatorRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      path: fullPath,
      query: q < 0 ? "" : rawUrl.slice(q + 1),
      headers,
      body: undefined,
      origin: `https://${headers.host ?? "localhost"}`,
      requestId,
      clientRequestId,
      inBatch: false,
    };
    let response: EmulatorResponse;
    try {
      response = await this.handle(req, base);
    } catch (err) {
      response = errorResponse(err, base);
    }
    this.write(res, response, requestId, clientRequestId);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    this.log(`${base.method} ${fullPath} ${response.status} ${ms.toFixed(1)}ms request-id=${requestId}`);
  }

  private async handle(req: IncomingMessage, base: EmulatorRequest): Promise<EmulatorResponse> {
    const store = this.store;
    if (!store) throw GraphErrors.serviceNotAvailable(1);
    if (isTransferPath(base.path)) {
      // Upload and download URLs are pre-authenticated: no bearer token is checked ([§12.4](../../docs/reference/graph-sharepoint-lists.md#124-upload-sessions)).
      const body = await readBody(req, true);
      return transfer({ ...base, body: undefined, rawBody: body.raw }, store);
    }
    const m = /^\/(v1\.0|beta)(\/.*)?$/i.exec(base.path);
    if (!m) throw GraphErrors.badSegment(base.path.split("/")[1] ?? "");
    if (m[1]?.toLowerCase() === "beta") throw GraphErrors.notImplemented("the beta endpoint (only v1.0)");
    await this.auth.check(base.headers.authorization);
    const path = m[2] ?? "/";
    // `PUT …/content` carries a file's bytes, not JSON ([§12.2](../../docs/reference/graph-sharepoint-lists.md#122-simple-upload)).
    const body = await readBody(req, base.method === "PUT" && /\/content$/.test(path));
    const request: EmulatorRequest = { ...base, path, body: body.json, rawBody: body.raw };
    await this.faults.delay();
    const isBatch = /^\/+\$batch$/.test(request.path);
    if (!isBatch) {
      // [§6.3](../../docs/reference/graph-sharepoint-lists.md#63-throttling-inside-a-batch): a $batch is evaluated per sub-request, so the throttle decision is made inside it.
      const fault = this.faults.fault();
      if (fault) throw fault;
    }
    return dispatch(request, {
      store,
      rootHostname: this.rootHostname,
      runSubRequest: async (sub) => {
        const fault = this.faults.fault();
        if (fault) return errorResponse(fault, sub);
        return dispatch(sub, { store, rootHostname: this.rootHostname, runSubRequest: async () => ({ status: 500 }) });
      },
    });
  }

  private write(res: ServerResponse, r: EmulatorResponse, requestId: string, clientRequestId: string): void {
    const headers: Record<string, string> = {
      "request-id": requestId,
      "client-request-id": clientRequestId,
      "Cache-Control": "no-store, no-cache",
      ...(r.headers ?? {}),
    };
    if (r.body === undefined) {
      res.writeHead(r.status, headers);
      res.end();
      return;
    }
    if (Buffer.isBuffer(r.body)) {
      res.writeHead(r.status, headers);
      res.end(r.body);
      return;
    }
    const payload = JSON.stringify(r.body);
    res.writeHead(r.status, {
      ...headers,
      "Content-Type": JSON_CONTENT_TYPE,
      "Content-Length": String(Buffer.byteLength(payload)),
      "OData-Version": "4.0",
    });
    res.end(payload);
  }
}

/** The body as bytes (`raw`: file content, any Content-Type) or as parsed JSON. */
async function readBody(req: IncomingMessage, raw: boolean): Promise<{ json?: unknown; raw?: Buffer }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const limit = raw ? MAX_FILE_BODY_BYTES : MAX_BODY_BYTES;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) throw GraphErrors.payloadTooLarge();
    chunks.push(b);
  }
  if (raw) return { raw: Buffer.concat(chunks) };
  return { json: parseJsonBody(req, chunks, size) };
}

function parseJsonBody(req: IncomingMessage, chunks: Buffer[], size: number): unknown {
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString("utf8");
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (!type.startsWith("application/json")) {
    throw GraphErrors.invalidRequest(`Unsupported Content-Type '${type || "(none)"}'; send application/json`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw GraphErrors.invalidRequest(`Unable to read JSON request payload: ${(err as Error).message}`);
  }
}
