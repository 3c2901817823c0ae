import { Router } from "express";
import { coreApi } from "../../../schemas/core/api";
import { defineRoutes, reply, type RouteTable } from "../define-routes";

export interface HealthInfo {
  version: string;
  startedAt: Date;
  checks: () => Promise<Record<string, "ok" | string>>;
  warnings?: () => string[] | Promise<string[]>;
}

async function health(info: HealthInfo) {
  const checks = await info.checks();
  const ok = Object.values(checks).every((v) => v === "ok");
  const warnings = (await info.warnings?.()) ?? [];
  return reply(ok ? 200 : 503, {
    status: ok ? ("ok" as const) : ("degraded" as const),
    version: info.version,
    startedAt: info.startedAt.toISOString(),
    checks,
    ...(warnings.length > 0 ? { warnings } : {}),
  });
}

/** GET /api/health (no sign-in): 200 with JSON once the app can serve (the server starts listening only after its dependencies are ready). */
export function healthRoutes(info: HealthInfo): RouteTable {
  return defineRoutes({ health: coreApi.health }, { health: () => health(info) });
}

/** GET /healthz, the same answer outside /api for probes that expect it there. */
export function healthzRoute(info: HealthInfo): Router {
  const router = Router();
  router.get("/healthz", async (_req, res) => {
    const answer = await health(info);
    res.status(answer.status).json(answer.body);
  });
  return router;
}
