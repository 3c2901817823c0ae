/** /api/kpi/* (contract: README.md in this folder; answer shapes in src/schemas/kpi/api.ts). */
import express, { Router, type Response } from "express";
import { z } from "zod";
import { AppError, parseBody } from "../../../errors";
import { GROUPS, measuresFor } from "../../../domain/kpi/catalogue";
import { currentUser } from "../../app/authenticate";
import { CONTENT_TYPES, fileFormat, summaryFile, templateFile, type FileFormat } from "./files";
import { checkYear, type KpiService } from "./service";

const SaveBody = z.object({
  eTag: z.string().min(1).max(200).optional(),
  values: z.record(z.string().max(64), z.unknown()),
  narrative: z.string().max(20_000).optional(),
});
const SubmitBody = z.object({ eTag: z.string().min(1).max(200).optional() });
const ReturnBody = z.object({ comment: z.string().max(4000) });


function sendFile(res: Response, format: FileFormat, name: string, data: Buffer): void {
  res.setHeader("Content-Type", CONTENT_TYPES[format]);
  res.setHeader("Content-Disposition", `attachment; filename="${name}.${format}"`);
  res.send(data);
}

const UPLOAD_TYPES = ["text/csv", "text/plain", "application/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"];

export function kpiRoutes(service: KpiService): Router {
  const router = Router();

  router.get("/kpi/catalogue", (req, res) => {
    const year = checkYear(req.query.year ?? "2025-26");
    res.json({ measures: measuresFor(year), groups: GROUPS });
  });

  router.get("/kpi/returns", async (req, res) => {
    res.json({ items: await service.list(currentUser(req), req.query.year) });
  });
  router.get("/kpi/returns/:district/:year/:term", async (req, res) => {
    res.json({ return: await service.get(currentUser(req), req.params.district, req.params.year, req.params.term) });
  });
  router.put("/kpi/returns/:district/:year/:term", async (req, res) => {
    res.json({ return: await service.save(currentUser(req), req.params.district, req.params.year, req.params.term, parseBody(SaveBody, req.body)) });
  });
  router.post("/kpi/returns/:district/:year/:term/submit", async (req, res) => {
    res.json({ return: await service.submit(currentUser(req), req.params.district, req.params.year, req.params.term, parseBody(SubmitBody, req.body)) });
  });
  router.post("/kpi/returns/:district/:year/:term/return", async (req, res) => {
    res.json({ return: await service.sendBack(currentUser(req), req.params.district, req.params.year, req.params.term, parseBody(ReturnBody, req.body)) });
  });

  router.get("/kpi/template", async (req, res) => {
    const p = currentUser(req);
    if (p.role !== "commissioner" && p.role !== "district_lead") throw new AppError("forbidden", "KPI returns are for district leads and commissioners.");
    const format = fileFormat(req.query.format);
    sendFile(res, format, "kpi-returns-template", await templateFile(format));
  });

  // Raw bodies only on this route (the app's JSON parser ignores these content types).
  router.post("/kpi/import", express.raw({ type: UPLOAD_TYPES, limit: "5mb" }), async (req, res) => {
    const format = fileFormat(req.query.format, String(req.headers["content-type"] ?? "").includes("spreadsheetml") ? "xlsx" : "csv");
    const body = Buffer.isBuffer(req.body) ? req.body : undefined;
    if (!body || body.length === 0) {
      throw new AppError("validation_failed", "Upload a CSV or XLSX file.", { detail: { errors: [{ row: 0, column: "", message: "The upload is empty (send the file as text/csv or XLSX)." }] } });
    }
    res.json(await service.importFile(currentUser(req), format, body));
  });

  router.get("/kpi/summary", async (req, res) => {
    res.json(await service.summary(currentUser(req), req.query));
  });
  router.get("/kpi/summary/export", async (req, res) => {
    const format = fileFormat(req.query.format);
    const year = checkYear(req.query.year);
    const rows = await service.summaryRows(currentUser(req), year);
    sendFile(res, format, `kpi-summary-${year}`, await summaryFile(rows, format));
  });
  router.get("/kpi/monitoring-pack/:district", async (req, res) => {
    res.json(await service.monitoringPack(currentUser(req), req.params.district, req.query));
  });
  return router;
}
