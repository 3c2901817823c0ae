/**
 * Citations stay followable: every relative link in a comment or a Markdown page points at a file
 * that exists and, for a Markdown target, at a heading it has
 * ([How to cite](../../docs/reference/README.md#how-to-cite)). Comments in the shipped code never cite an issue number or a document outside the
 * repository, which no reader can open.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const SKIP = new Set(["node_modules", "dist", "build", ".data", ".git"]);
const CODE = new Set([".ts", ".tsx", ".js", ".mjs", ".cjs"]);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const files = [
  ...["src", "bot", "tabs", "scripts", "tests", "docs", "appPackage", "infra"].filter((d) => existsSync(join(ROOT, d))).flatMap((d) => walk(join(ROOT, d))),
  ...readdirSync(ROOT).filter((n) => /\.(md|ya?ml)$|\.config\.(ts|js)$/.test(n)).map((n) => join(ROOT, n)),
].filter((f) => CODE.has(extname(f)) || /\.(md|ya?ml)$/.test(f));

/** Comment lines of a source file with their line numbers, read by the TypeScript parser (strings and JSX text are not comments). */
function comments(path: string, text: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, extname(path) === ".tsx" ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const seen = new Map<number, string>();
  const collect = (pos: number) => {
    for (const r of [...(ts.getLeadingCommentRanges(text, pos) ?? []), ...(ts.getTrailingCommentRanges(text, pos) ?? [])]) seen.set(r.pos, text.slice(r.pos, r.end));
  };
  const visit = (node: ts.Node) => {
    collect(node.getFullStart());
    collect(node.getEnd());
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  const first = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  return [...seen].flatMap(([pos, body]) => body.split("\n").map((text, i) => ({ line: first(pos) + i, text })));
}

/** The text a citation can live in: comments of code, `#` comments of YAML, Markdown outside code fences. */
function citable(path: string): { line: number; text: string }[] {
  const text = readFileSync(path, "utf8");
  if (CODE.has(extname(path))) return comments(path, text);
  const lines = text.split("\n");
  if (/\.ya?ml$/.test(path)) return lines.flatMap((l, i) => (/(^|\s)#/.test(l) ? [{ line: i + 1, text: l.slice(l.search(/(^|\s)#/)) }] : []));
  let fenced = false;
  return lines.flatMap((l, i) => {
    if (/^\s*```/.test(l)) fenced = !fenced;
    return fenced || /^\s*```/.test(l) ? [] : [{ line: i + 1, text: l.replace(/`[^`]*`/g, "") }];
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to `-`, repeats numbered. */
function anchorsOf(path: string): Set<string> {
  const out = new Set<string>();
  const counts = new Map<string, number>();
  let fenced = false;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const plain = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/`/g, "");
    const base = plain.toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "").replace(/\s/g, "-");
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Relative link targets: Markdown links anywhere, and bare paths to a reference page in comments. */
function targets(path: string, text: string): string[] {
  const md = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  const bare = [...text.replace(/\]\([^)\s]+\)/g, "").matchAll(/(?:\.\.?\/)*docs\/reference\/[\w.-]+\.md(?:#[\w-]+)?/g)].map((m) => m[0]);
  const isCode = CODE.has(extname(path));
  return [...md, ...bare].filter((t) => !/^[a-z][a-z+.-]*:/i.test(t) && (!isCode || /\.md(#|$)/.test(t)));
}

const anchorCache = new Map<string, Set<string>>();

describe("citations", () => {
  it("finds the files it checks, and links in them", () => {
    expect(files.some((f) => f.endsWith(join("src", "graph", "list-store.ts")))).toBe(true);
    expect(files.flatMap((f) => citable(f).flatMap((c) => targets(f, c.text))).length).toBeGreaterThan(100);
  });

  it("every relative link and anchor resolves", () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const c of citable(file)) {
        for (const target of targets(file, c.text)) {
          const [pathPart, anchor] = target.split("#") as [string, string | undefined];
          const dest = pathPart ? resolve(dirname(file), decodeURI(pathPart)) : file;
          const where = `${relative(ROOT, file)}:${c.line} → ${target}`;
          if (!existsSync(dest)) broken.push(`${where} (no such file)`);
          else if (anchor && dest.endsWith(".md")) {
            if (!anchorCache.has(dest)) anchorCache.set(dest, anchorsOf(dest));
            if (!anchorCache.get(dest)!.has(anchor)) broken.push(`${where} (no such heading)`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("no comment in src, bot, tabs or scripts cites an issue number or a document outside the repository", () => {
    // "issue 7", also broken over a comment line ("issue\n * 7") or hyphenated ("issue-7").
    const forbidden = /\bissues?[\s*-]*\d+\b|\(issue|\/work\/shared|DESIGN\.md|DOMAIN\.md/i;
    const found = files
      .filter((f) => /^(src|bot|tabs|scripts)\//.test(relative(ROOT, f).split("\\").join("/")))
      .flatMap((f) => citable(f).filter((c) => forbidden.test(c.text)).map((c) => `${relative(ROOT, f)}:${c.line}: ${c.text.trim().slice(0, 120)}`));
    expect(found).toEqual([]);
  });
});
