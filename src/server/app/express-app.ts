import path from "node:path";
import express, { type RequestHandler } from "express";
import type { Identity } from "../../auth/identity";
import type { PeopleDirectory } from "../../auth/people-directory";
import { authenticate } from "./authenticate";
import { apiRouter, type RouteTable } from "./define-routes";
import { apiNotFound, errorHandler } from "./http-errors";
import type { Logger } from "../core/logger";
import type { ReferenceData } from "../core/reference-data";
import { authRoutes } from "./routes/local-auth";
import { healthRoutes, healthzRoute } from "./routes/health";
import { meRoutes } from "./routes/me";
import { openApiRoutes } from "./routes/openapi";
import { peopleRoutes } from "./routes/people";
import { policyPages } from "./routes/policy-pages";
import { referenceRoutes } from "./routes/reference";
import { rootPage } from "./routes/root-page";
import { tabRoutes } from "./routes/tabs";
import { securityHeaders } from "./security-headers";
import { rateLimit, type RateLimitOptions } from "./rate-limit";
import { withDeadline } from "../../graph/retry";

export interface AppDeps {
  log: Logger;
  publicUrl: string;
  identity: Identity;
  identityMode: "local" | "entra";
  clientId: string;
  people: PeopleDirectory;
  reference: ReferenceData;
  tabsDistDir?: string;
  version: string;
  /** POST /api/messages: the Bot Framework endpoint (authenticated by the bot adapter itself). */
  botEndpoint?: RequestHandler;
  /** Pages for people without an account (the questionnaire links), mounted before any sign-in; each limits its own rate. */
  publicPages?: readonly RequestHandler[];
  /** Feature routes (each feature's route factory's table) mounted under /api; README.md in this folder. */
  apiRoutes?: readonly RouteTable[];
  healthChecks?: () => Promise<Record<string, "ok" | string>>;
  /** Problems that do not stop the app serving (e.g. list rows skipped as unreadable). */
  healthWarnings?: () => string[] | Promise<string[]>;
  /** Per-user API rate limit; defaults to a generous one. */
  rateLimit?: RateLimitOptions;
  /** How long one request may spend on Graph calls, retries included (default 45 s). */
  requestDeadlineMs?: number;
}

const DEFAULT_RATE_LIMIT: RateLimitOptions = { perMinute: 3000, burst: 2000 };

export function createApp(deps: AppDeps) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(securityHeaders({ https: deps.publicUrl.startsWith("https:") }));
  // One deadline per request for all the Graph calls made while serving it, retries included.
  const deadlineMs = deps.requestDeadlineMs ?? 45_000;
  app.use((_req, _res, next) => withDeadline(Date.now() + deadlineMs, next));

  const health = { version: deps.version, startedAt: new Date(), checks: deps.healthChecks ?? (async () => ({})), warnings: deps.healthWarnings ?? (() => []) };
  app.use(healthzRoute(health));
  app.use(rootPage({ mode: deps.identityMode, people: deps.people }));
  app.use(policyPages());
  app.use("/auth", authRoutes({ mode: deps.identityMode, clientId: deps.clientId, provider: deps.identity.localProvider, people: deps.people }));
  app.use(tabRoutes(deps.tabsDistDir ?? path.resolve("tabs/dist")));
  for (const pages of deps.publicPages ?? []) app.use(pages);

  // The bot endpoint authenticates with Bot Framework tokens, not user tokens: mount it before the API guard.
  if (deps.botEndpoint) app.post("/api/messages", express.json({ limit: "1mb" }), deps.botEndpoint);

  // Every /api route comes from a contract: one router per URL prefix, each route mounted once.
  const routes: RouteTable = [
    ...healthRoutes(health),
    ...meRoutes(deps.reference),
    ...peopleRoutes(deps.people),
    ...referenceRoutes(deps.reference),
    ...openApiRoutes(() => routes, { version: deps.version }),
    ...(deps.apiRoutes ?? []).flat(),
  ];
  const api = express.Router();
  // Answers hold children's records and people's roles: never kept by a browser or proxy (shared school PCs).
  api.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  // Public routes take no body. Everyone else is authenticated and rate limited before their body
  // is read, so an anonymous caller cannot make the server parse anything.
  api.use(apiRouter([routes.filter((r) => r.contract.public)]));
  api.use(authenticate(deps.identity.validator, deps.people));
  api.use(rateLimit(deps.rateLimit ?? DEFAULT_RATE_LIMIT));
  api.use(express.json({ limit: "512kb" }));
  api.use(apiRouter([routes.filter((r) => !r.contract.public)]));
  api.use(apiNotFound);
  app.use("/api", api);

  app.use(errorHandler(deps.log));
  return app;
}
