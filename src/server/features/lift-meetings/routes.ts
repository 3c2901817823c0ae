/** The meetings part of /api/lift-meetings (contract: README.md in this folder). */
import { Router } from "express";
import { parseBody } from "../../../errors";
import { CancelMeetingRequest, MoveCaseRequest, MoveMeetingRequest, PlanMeetingsRequest, SaveAgendaRequest, SetCurrentRequest } from "../../../schemas/lift-meetings/api";
import { currentUser } from "../../app/authenticate";
import type { LiftMeetingService } from "./service";


export function liftMeetingRoutes(service: LiftMeetingService): Router {
  const router = Router();
  router.post("/lift-meetings/plan", async (req, res) => {
    // 201 also for a repeated key: the answer is the meetings the key made, as on the first call.
    res.status(201).json(await service.plan(currentUser(req), parseBody(PlanMeetingsRequest, req.body)));
  });
  router.get("/lift-meetings/:id/detail", async (req, res) => {
    res.json({ meeting: await service.detail(currentUser(req), req.params.id) });
  });
  router.patch("/lift-meetings/:id", async (req, res) => {
    res.json({ meeting: await service.move(currentUser(req), req.params.id, parseBody(MoveMeetingRequest, req.body)) });
  });
  router.post("/lift-meetings/:id/cancel", async (req, res) => {
    res.json({ meeting: await service.cancel(currentUser(req), req.params.id, parseBody(CancelMeetingRequest, req.body)) });
  });
  router.get("/lift-meetings/:id/agenda", async (req, res) => {
    res.json(await service.agenda(currentUser(req), req.params.id));
  });
  router.put("/lift-meetings/:id/agenda", async (req, res) => {
    res.json(await service.saveAgenda(currentUser(req), req.params.id, parseBody(SaveAgendaRequest, req.body)));
  });
  router.post("/lift-meetings/:id/current", async (req, res) => {
    res.json(await service.setCurrent(currentUser(req), req.params.id, parseBody(SetCurrentRequest, req.body)));
  });
  router.get("/lift-meetings/:id/stage", async (req, res) => {
    res.json(await service.stage(currentUser(req), req.params.id));
  });
  router.post("/lift-meetings/:id/cases/:referralId/move", async (req, res) => {
    res.json({ referral: await service.moveCase(currentUser(req), req.params.id, req.params.referralId, parseBody(MoveCaseRequest, req.body)) });
  });
  return router;
}
