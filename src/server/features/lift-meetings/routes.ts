/** The meetings part of /api/lift-meetings (contract: README.md in this folder). */
import { Router, type Request } from "express";
import type { z } from "zod";
import { AppError, fieldErrorsFromIssues } from "../../../errors";
import { CancelMeetingRequest, MoveCaseRequest, MoveMeetingRequest, PlanMeetingsRequest, SaveAgendaRequest, SetCurrentRequest } from "../../../schemas/lift-meeting-api";
import { currentUser } from "../../authenticate";
import type { LiftMeetingService } from "./service";

function parse<T>(schema: z.ZodType<T>, req: Request): T {
  const result = schema.safeParse(req.body ?? {});
  if (!result.success) throw new AppError("validation_failed", "The request is not valid.", { fieldErrors: fieldErrorsFromIssues(result.error.issues) });
  return result.data;
}

export function liftMeetingRoutes(service: LiftMeetingService): Router {
  const router = Router();
  router.post("/lift-meetings/plan", async (req, res) => {
    // 201 also for a repeated key: the answer is the meetings the key made, as on the first call.
    res.status(201).json(await service.plan(currentUser(req), parse(PlanMeetingsRequest, req)));
  });
  router.get("/lift-meetings/:id/detail", async (req, res) => {
    res.json({ meeting: await service.detail(currentUser(req), req.params.id) });
  });
  router.patch("/lift-meetings/:id", async (req, res) => {
    res.json({ meeting: await service.move(currentUser(req), req.params.id, parse(MoveMeetingRequest, req)) });
  });
  router.post("/lift-meetings/:id/cancel", async (req, res) => {
    res.json({ meeting: await service.cancel(currentUser(req), req.params.id, parse(CancelMeetingRequest, req)) });
  });
  router.get("/lift-meetings/:id/agenda", async (req, res) => {
    res.json(await service.agenda(currentUser(req), req.params.id));
  });
  router.put("/lift-meetings/:id/agenda", async (req, res) => {
    res.json(await service.saveAgenda(currentUser(req), req.params.id, parse(SaveAgendaRequest, req)));
  });
  router.post("/lift-meetings/:id/current", async (req, res) => {
    res.json(await service.setCurrent(currentUser(req), req.params.id, parse(SetCurrentRequest, req)));
  });
  router.get("/lift-meetings/:id/stage", async (req, res) => {
    res.json(await service.stage(currentUser(req), req.params.id));
  });
  router.post("/lift-meetings/:id/cases/:referralId/move", async (req, res) => {
    res.json({ referral: await service.moveCase(currentUser(req), req.params.id, req.params.referralId, parse(MoveCaseRequest, req)) });
  });
  return router;
}
