/** The lift-outcomes part of /api/lift-meetings and /api/lift-actions (contract: ../lift-meetings/README.md). */
import { Router } from "express";
import { currentUser } from "../../app/authenticate";
import type { LiftOutcomeService } from "./service";

const q = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

export function liftOutcomeRoutes(service: LiftOutcomeService): Router {
  const router = Router();

  router.get("/lift-meetings/counts", async (req, res) => {
    res.json(await service.counts(currentUser(req), { district: q(req.query.district), from: q(req.query.from), to: q(req.query.to) }));
  });

  router.get("/lift-meetings/:id/outcomes", async (req, res) => {
    res.json({ items: await service.listOutcomes(currentUser(req), req.params.id) });
  });
  router.get("/lift-meetings/:id/outcomes/:referralId", async (req, res) => {
    res.json({ outcome: await service.getOutcome(currentUser(req), req.params.id, req.params.referralId) });
  });
  router.put("/lift-meetings/:id/outcomes/:referralId", async (req, res) => {
    const { record, created } = await service.saveOutcome(currentUser(req), req.params.id, req.params.referralId, req.body);
    res.status(created ? 201 : 200).json({ outcome: record });
  });
  router.post("/lift-meetings/:id/outcomes/:referralId/approve", async (req, res) => {
    res.json({ outcome: await service.approve(currentUser(req), req.params.id, req.params.referralId, req.body) });
  });

  router.get("/lift-meetings/:id/attendance", async (req, res) => {
    res.json(await service.getAttendance(currentUser(req), req.params.id));
  });
  router.put("/lift-meetings/:id/attendance", async (req, res) => {
    res.json(await service.saveAttendance(currentUser(req), req.params.id, req.body));
  });

  router.get("/lift-actions/overdue", async (req, res) => {
    res.json({ items: await service.overdue(currentUser(req), { district: q(req.query.district) }) });
  });
  router.post("/lift-actions/:referralId/:actionId/done", async (req, res) => {
    res.json({ outcome: await service.markActionDone(currentUser(req), req.params.referralId, req.params.actionId) });
  });
  return router;
}
