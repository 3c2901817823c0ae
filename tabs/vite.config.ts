import { fileURLToPath } from "node:url";
import path from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { pageTemplate, type TabPage } from "./vite/page-template";
import { schemasForPages } from "./vite/schemas-for-pages";
import { TAB_PAGES } from "../src/teams-app/tab-pages";

/**
 * Each tab page's folder under tabs/ (holding its main.tsx), named for the feature the page belongs
 * to. The pages themselves (slug, title) are the one table in src/teams-app/tab-pages.ts: the slug is
 * the page's address (/tabs/<slug>, built to tabs/dist/<slug>/index.html from page.html), which the
 * manifest and the app server rely on. A page added there without a folder here does not compile.
 */
const FOLDERS: Record<(typeof TAB_PAGES)[number]["slug"], string> = {
  referral: "referrals",
  "lift-meeting": "lift-meetings",
  "kpi-return": "kpi/return",
  summary: "kpi/summary",
  casework: "casework",
  training: "training-events",
  "data-protection": "data-protection",
  admin: "admin",
  config: "config",
};
const PAGES: Record<string, TabPage> = Object.fromEntries(TAB_PAGES.map((p) => [p.slug, { folder: FOLDERS[p.slug], title: p.title }]));

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: "/tabs/",
  plugins: [react(), pageTemplate(root, PAGES), schemasForPages(path.join(root, "..", "src", "schemas"), path.join(root, "..", "src", "domain"))],
  // Nothing in tabs/ is served verbatim; avoid Vite picking up a stray tabs/public.
  publicDir: false,
  build: {
    outDir: path.join(root, "dist"),
    emptyOutDir: true,
    sourcemap: true,
    // Fluent UI is large; it is shared by every page and cached once.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: Object.fromEntries(TAB_PAGES.map(({ slug }) => [slug, path.join(root, slug, "index.html")])),
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
