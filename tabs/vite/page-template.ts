/**
 * Every tab page is the same HTML but for its title: one template (tabs/page.html), and this Vite
 * plugin stands it in for each page's index.html, which is not kept on disk. The build asks for
 * <root>/<page>/index.html (rollup input) and gets the template; the dev server answers /tabs/<page>/
 * with it, through Vite's own HTML transform so hot reload works as for a file.
 */
import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

export function pageTemplate(root: string, titles: Readonly<Record<string, string>>): Plugin {
  const template = path.join(root, "page.html");
  const pageOf = (file: string): string | undefined => {
    const relative = path.relative(root, file).split(path.sep);
    return relative.length === 2 && relative[1] === "index.html" && relative[0]! in titles ? relative[0] : undefined;
  };
  const html = (page: string) => fs.readFileSync(template, "utf8").replaceAll("%PAGE_TITLE%", titles[page]!);
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
        if (!page || !(page in titles)) return next();
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
