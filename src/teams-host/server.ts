/**
 * The local Teams host's server (`npm run teams-host`, tests/browser/teams-host.test.ts): an https
 * server for the host page (page/), plus the two things the page cannot do itself: list the demo
 * users and get a token for one of them from the app's local identity provider (the app answers
 * /auth/local/token only to its own origin's pages; the host asks server to server). Dev only: the
 * app never imports this folder.
 */
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import express, { type Request, type Response } from "express";
import { TAB_PAGES } from "../teams-app/tab-pages";
import type { HostCert } from "./cert";

const PAGE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "page");

export interface TeamsHostOptions {
  /** The running app, e.g. http://localhost:3978: tabs are framed from it and tokens come from it. */
  appUrl: string;
  cert: HostCert;
  /** 0 for any free port. */
  port: number;
  /** Interface to listen on; loopback by default (it hands out tokens for any demo user). */
  host?: string;
  /**
   * Where SSO tokens come from; default: the app's local identity provider (`/auth/local/token`).
   * Tenant mode has no such endpoint: a caller with its own issuer (a rehearsal's stand-in Entra)
   * passes it here, with the users to offer.
   */
  tokens?: { issue(upn: string): Promise<{ status: number; body: unknown }>; users(): Promise<DemoUser[]> };
}

export interface RunningTeamsHost {
  port: number;
  /** The sign-in names the host got tokens for, in order (tests check who the tab ran as). */
  readonly tokensIssued: readonly string[];
  close(): Promise<void>;
}

export interface DemoUser {
  upn: string;
  displayName: string;
  roleLabel: string;
}

function sendError(res: Response, status: number, code: string, message: string, fieldErrors?: Record<string, string[]>): void {
  res.status(status).json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } });
}

/** The host page's script, bundled once at start (esbuild, already a dev dependency for the build). */
async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(PAGE_DIR, "host-page.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    sourcemap: "inline",
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild produced no host page script.");
  return file.text;
}

/** A token from the app's local identity provider, asked server to server. */
async function localToken(appUrl: string, upn: string): Promise<{ status: number; body: unknown }> {
  const answer = await fetch(`${appUrl}/auth/local/token?as=${encodeURIComponent(upn)}`, { signal: AbortSignal.timeout(10_000) });
  return { status: answer.status, body: (await answer.json()) as unknown };
}

export async function startTeamsHost(options: TeamsHostOptions): Promise<RunningTeamsHost> {
  const appUrl = options.appUrl.replace(/\/+$/, "");
  const script = await bundlePage();
  const tokensIssued: string[] = [];
  const app = express();
  app.disable("x-powered-by");

  app.get("/", (_req, res) => {
    res.set("Cache-Control", "no-store").sendFile(path.join(PAGE_DIR, "index.html"));
  });
  app.get("/host.css", (_req, res) => {
    res.sendFile(path.join(PAGE_DIR, "host.css"));
  });
  app.get("/host.js", (_req, res) => {
    res.type("text/javascript").set("Cache-Control", "no-store").send(script);
  });

  app.get("/api/host", async (_req, res) => {
    const pages = TAB_PAGES.map((p) => ({ slug: p.slug, title: p.title }));
    if (options.tokens) {
      res.json({ appUrl, pages, users: await options.tokens.users() });
      return;
    }
    try {
      const config = (await (await fetch(`${appUrl}/auth/config`)).json()) as { mode: string; demoUsers?: DemoUser[] };
      if (config.mode !== "local") {
        res.json({ appUrl, pages, users: [], error: "The app runs with Microsoft Entra ID: the local Teams host can only sign in demo users of local mode." });
        return;
      }
      res.json({ appUrl, pages, users: config.demoUsers ?? [] });
    } catch (error) {
      res.json({ appUrl, pages, users: [], error: `LIFT Hub is not answering at ${appUrl}: ${error instanceof Error ? error.message : String(error)}` });
    }
  });

  app.get("/api/token", async (req: Request, res: Response) => {
    const user = typeof req.query.user === "string" ? req.query.user.trim() : "";
    if (!user) {
      sendError(res, 400, "validation_failed", "Say who is signed in to the host with ?user=<sign-in name>.", {
        user: ["Required: a demo user's sign-in name, e.g. lead.dover@lift.local"],
      });
      return;
    }
    let answer: { status: number; body: unknown };
    try {
      answer = options.tokens ? await options.tokens.issue(user) : await localToken(appUrl, user);
    } catch (error) {
      sendError(res, 502, "app_unreachable", `No token for ${user}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (answer.status === 200) tokensIssued.push(user);
    res.status(answer.status).set("Cache-Control", "no-store").json(answer.body);
  });

  const server = https.createServer({ cert: options.cert.cert, key: options.cert.key }, app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    tokensIssued,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
