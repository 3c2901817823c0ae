/**
 * Every tab page is the same HTML but for its title and entry: one template (tabs/page.html), and
 * this Vite plugin stands it in for each page's index.html, which is not kept on disk. The build asks
 * for <root>/<slug>/index.html (rollup input, so the page lands at dist/<slug>/index.html) and gets
 * the template, its script pointing at the page's folder (<root>/<folder>/main.tsx); the dev server
 * answers /tabs/<slug>/ with it, through Vite's own HTML transform so hot reload works as for a file.
 */
import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

/** A page's folder under tabs/ (holding its main.tsx) and its title. */
export interface TabPage {
  folder: string;
  title: string;
}

export function pageTemplate(root: string, pages: Readonly<Record<string, TabPage>>): Plugin {
  const template = path.join(root, "page.html");
  const pageOf = (file: string): string | undefined => {
    const relative = path.relative(root, file).split(path.sep);
    return relative.length === 2 && relative[1] === "index.html" && relative[0]! in pages ? relative[0] : undefined;
  };
  const html = (page: string) => {
    const { folder, title } = pages[page]!;
    // The entry relative to where the page's index.html stands (<root>/<slug>/), in URL form.
    const relative = path.relative(path.join(root, page), path.join(root, folder, "main.tsx")).split(path.sep).join("/");
    const entry = relative.startsWith(".") ? relative : `./${relative}`;
    return fs.readFileSync(template, "utf8").replaceAll("%PAGE_TITLE%", title).replaceAll("%PAGE_ENTRY%", entry);
  };
  return {
    name: "lift-hub:page-template",
    resolveId(id) {
      return pageOf(id) ? id : undefined;
    },
    load(id) {
      const page = pageOf(id);
      if (!page) return undefined;
      this.addWatchFile(template);
      return html(page);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/tabs\/([a-z-]+)\/?(?:index\.html)?(?:\?.*)?$/.exec(req.url ?? "");
        const page = match?.[1];
        if (!page || !(page in pages)) return next();
        server
          .transformIndexHtml(`/tabs/${page}/index.html`, html(page), req.originalUrl)
          .then((body) => {
            res.setHeader("Content-Type", "text/html; charset=utf-8");
            res.end(body);
          })
          .catch(next);
      });
    },
  };
}
