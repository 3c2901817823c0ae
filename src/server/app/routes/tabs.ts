import fs from "node:fs";
import path from "node:path";
import express, { Router } from "express";
import { AppError } from "../../../errors";

/** Serves the Vite-built tab pages: /tabs/<page> → tabs/dist/<page>/index.html, assets beside them. */
export function tabRoutes(distDir: string) {
  const router = Router();
  router.use("/tabs", express.static(distDir, { index: false, redirect: false, maxAge: "1h" }));
  router.get("/tabs/:page", (req, res) => {
    const page = req.params.page;
    const file = path.join(distDir, page, "index.html");
    if (!/^[a-z-]+$/.test(page) || !fs.existsSync(file)) {
      if (!fs.existsSync(distDir)) {
        throw new AppError("not_found", "The tab pages have not been built: run `npm run build:tabs` (npm start does this).");
      }
      throw new AppError("not_found", `There is no tab page called ${page}.`);
    }
    // HTML must not be cached: a new build changes the hashed asset names it points at.
    res.set("Cache-Control", "no-cache").sendFile(file);
  });
  return router;
}
