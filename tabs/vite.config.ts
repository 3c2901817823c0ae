import { fileURLToPath } from "node:url";
import path from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { pageTemplate, type TabPage } from "./vite/page-template";

/**
 * The tab pages: the slug is the page's address (/tabs/<slug>, built to tabs/dist/<slug>/index.html
 * from page.html), which the Teams manifest and the app server rely on and so never changes; the
 * folder (holding its main.tsx) is named for the feature the page belongs to.
 */
const TAB_PAGES = {
  referral: { folder: "referrals", title: "My referrals" },
  "lift-meeting": { folder: "lift-meetings", title: "LIFT meeting" },
  "kpi-return": { folder: "kpi/return", title: "KPI return" },
  summary: { folder: "kpi/summary", title: "KPI summary" },
  config: { folder: "config", title: "Set up the LIFT Hub tab" },
} as const satisfies Record<string, TabPage>;
export const TAB_PAGE_SLUGS = Object.keys(TAB_PAGES) as (keyof typeof TAB_PAGES)[];

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: "/tabs/",
  plugins: [react(), pageTemplate(root, TAB_PAGES)],
  // Nothing in tabs/ is served verbatim; avoid Vite picking up a stray tabs/public.
  publicDir: false,
  build: {
    outDir: path.join(root, "dist"),
    emptyOutDir: true,
    sourcemap: true,
    // Fluent UI is large; it is shared by every page and cached once.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: Object.fromEntries(TAB_PAGE_SLUGS.map((slug) => [slug, path.join(root, slug, "index.html")])),
    },
  },
  // `npx vite --config tabs/vite.config.ts` serves the pages with hot reload; the API comes from the
  // app server (npm start, PORT 3978 by default).
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ["/auth", "/api"].map((prefix) => [prefix, `http://localhost:${process.env.PORT ?? "3978"}`]),
    ),
  },
});
