import { fileURLToPath } from "node:url";
import path from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/** The tab pages: each is a folder with an index.html, built to tabs/dist/<page>/index.html. */
export const TAB_PAGE_SLUGS = ["referral", "lift-meeting", "kpi-return", "summary", "config"] as const;

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: "/tabs/",
  plugins: [react()],
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
