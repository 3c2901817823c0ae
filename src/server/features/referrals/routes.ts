/** /api/lift-meetings and /api/referrals (contract: README.md in this folder). */
import { Router } from "express";
import { z } from "zod";
import { parseBody } from "../../../errors";
import { currentUser } from "../../app/authenticate";
import type { ReferralService } from "./service";

const CreateBody = z.object({
  idempotencyKey: z.string().min(8, "Send a key of at least 8 characters").max(128).regex(/^[A-Za-z0-9._:-]+$/, "Letters, digits, . _ : - only"),
  draft: z.record(z.string(), z.unknown()),
});
const SaveBody = z.object({ eTag: z.string().min(1).max(200), draft: z.record(z.string(), z.unknown()) });
const SubmitBody = z.object({ meetingId: z.string().regex(/^\d{1,12}$/, "Choose a LIFT meeting"), eTag: z.string().min(1).max(200).optional() });


const q = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

export function referralRoutes(service: ReferralService): Router {
  const router = Router();

  router.get("/lift-meetings", async (req, res) => {
    const items = await service.listMeetings(currentUser(req), { district: q(req.query.district), kind: q(req.query.kind), from: q(req.query.from) });
    res.json({ items });
  });
  router.get("/lift-meetings/:id", async (req, res, next) => {
    // Meeting ids are list item ids: other words (e.g. /lift-meetings/counts) belong to later features' routes.
    if (!/^\d{1,12}$/.test(req.params.id)) return next();
    res.json(await service.getMeeting(currentUser(req), req.params.id));
  });

  router.get("/referrals", async (req, res) => {
    const items = await service.list(currentUser(req), { scope: q(req.query.scope), meeting: q(req.query.meeting), status: q(req.query.status), district: q(req.query.district) });
    res.json({ items });
  });
  router.post("/referrals", async (req, res) => {
    // 201 also for a repeated key: the answer is the referral the key made, as on the first call.
    res.status(201).json({ referral: await service.create(currentUser(req), parseBody(CreateBody, req.body)) });
  });
  router.get("/referrals/:id", async (req, res) => {
    res.json({ referral: await service.read(currentUser(req), req.params.id) });
  });
  router.put("/referrals/:id", async (req, res) => {
    res.json({ referral: await service.saveDraft(currentUser(req), req.params.id, parseBody(SaveBody, req.body)) });
  });
  router.post("/referrals/:id/submit", async (req, res) => {
    res.json({ referral: await service.submit(currentUser(req), req.params.id, parseBody(SubmitBody, req.body)) });
  });
  router.delete("/referrals/:id", async (req, res) => {
    await service.remove(currentUser(req), req.params.id);
    res.status(204).end();
  });
  return router;
}
