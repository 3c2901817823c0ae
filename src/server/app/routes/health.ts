import { Router } from "express";

/** GET /healthz: 200 with JSON once the app can serve (the server starts listening only after its dependencies are ready). */
export function healthRoutes(info: { version: string; startedAt: Date; checks: () => Promise<Record<string, "ok" | string>> }) {
  const router = Router();
  const handler = async (_req: unknown, res: import("express").Response) => {
    const checks = await info.checks();
    const ok = Object.values(checks).every((v) => v === "ok");
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "degraded", version: info.version, startedAt: info.startedAt.toISOString(), checks });
  };
  router.get("/healthz", handler);
  router.get("/api/health", handler);
  return router;
}
