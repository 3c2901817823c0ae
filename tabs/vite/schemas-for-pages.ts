/**
 * What the tab pages take from src/schemas and src/domain, and only that. Pages import three kinds
 * of thing from src/schemas: constants (option lists, labels), route contracts (which the shell's API
 * client reads only for their method and path) and zod schemas (a form validates with the same schema
 * the server parses with). Left alone, any of these pulls zod and every schema of the module into the
 * page's first paint, for three reasons this plugin removes in the tab build only (the server and the
 * tests compile the modules untouched):
 *
 * 1. Rollup must assume a call at a module's top level has side effects, so it keeps every
 *    `const X = z.object(…)` of a module a page imports anything from. A schema module's top level
 *    only declares (schemas are values, built without touching anything outside), so each call in a
 *    top-level declaration is marked `@__PURE__` (Rollup then drops it when nothing uses its result,
 *    checking only its arguments: a chain such as `z.string().min(1)` needs one mark).
 * 2. A contract object (`{ list: route("GET /referrals", "…", { query, responses }) }`) holds every
 *    route's schemas, and one route in use keeps the whole object. In the browser a contract is a
 *    method and a path (the request's types come from the contract at compile time), so each
 *    `route(…)`'s third argument, its schemas, is left out.
 * 3. Rollup puts a module in one chunk with every part of it any page uses, so one form's schema kept
 *    zod in the first paint of every page showing an option list from the same module: each
 *    top-level declaration of both layers becomes a module of its own (split-declarations.ts), and
 *    their modules are marked free of side effects (their top level only declares), so a module or
 *    declaration a page takes nothing from is left out, even one that checks data as it loads.
 *
 * A form that validates with a schema still gets that schema and zod, in whatever chunk imports it
 * (the form's own, when it is loaded lazily).
 */
import path from "node:path";
import MagicString from "magic-string";
import type { Plugin } from "vite";
import { DECLARATION_QUERY, isNode, splitDeclarations, type DeclarationModule, type Node } from "./split-declarations";

/** Children of a node, not entering functions (their body runs when called, not when the module loads). */
function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "type" || key === "start" || key === "end") continue;
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out.filter((child) => !/Function/.test(child.type));
}

/** Every call and `new` evaluated when the declaration runs. */
function callsIn(node: Node, found: Node[] = []): Node[] {
  if (node.type === "CallExpression" || node.type === "NewExpression") found.push(node);
  for (const child of children(node)) callsIn(child, found);
  return found;
}

/** The initialisers of a module's top-level `const`/`let` declarations, exported or not. */
function topLevelInitialisers(program: Node): Node[] {
  const out: Node[] = [];
  for (const statement of program.body as Node[]) {
    const declaration = statement.type === "ExportNamedDeclaration" && isNode(statement.declaration) ? statement.declaration : statement;
    if (declaration.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations as Node[]) if (isNode(declarator.init)) out.push(declarator.init);
  }
  return out;
}

/** `dir` holds `id` (a .ts module). */
function under(dir: string, id: string): boolean {
  const relative = path.relative(dir, id.split("?")[0]!);
  return !relative.startsWith("..") && !path.isAbsolute(relative) && /\.ts$/.test(relative);
}

/**
 * @param schemasDir src/schemas: annotated and contracts stripped as above
 * @param domainDir src/domain: pure rules, whose top level only declares (tables, and in places data
 *   checked once as the module loads); a page that imports nothing a module declares does not load it
 */
export function schemasForPages(schemasDir: string, domainDir: string): Plugin {
  /** The code of each declaration's own module (split-declarations.ts), by id. */
  const declarations = new Map<string, DeclarationModule>();
  return {
    name: "lift-hub:schemas-for-pages",
    apply: "build",
    // After Vite has compiled the TypeScript: the code is plain JavaScript that Rollup's parser reads.
    enforce: "post",
    resolveId(source) {
      return source.includes(DECLARATION_QUERY) ? source : null;
    },
    load(id) {
      if (!id.includes(DECLARATION_QUERY)) return null;
      const declaration = declarations.get(id);
      if (!declaration) throw new Error(`${id}: not a declaration of a module split so far`);
      return { ...declaration, moduleSideEffects: false };
    },
    async transform(code, id) {
      if (id.includes(DECLARATION_QUERY)) return null;
      const schemas = under(schemasDir, id);
      if (!schemas && !under(domainDir, id)) return null;
      const program = this.parse(code) as unknown as Node;
      const s = new MagicString(code);
      if (schemas) markSchemas(program, s);
      const resolved = new Map<string, string>();
      for (const statement of program.body as Node[]) {
        if (!isNode(statement.source)) continue;
        const source = statement.source.value as string;
        const target = await this.resolve(source, id);
        if (target && !target.external) resolved.set(source, target.id);
      }
      // Neither layer does anything as it loads that a page relies on (moduleSideEffects: false): a
      // module or declaration a page takes no binding from is left out, even when it calls something
      // as it loads (a data table's check).
      const split = splitDeclarations(id, program, s, resolved);
      if (split) {
        for (const [declaration, text] of split.modules) declarations.set(declaration, text);
        return { code: split.facade, map: { mappings: "" }, moduleSideEffects: false };
      }
      return { code: s.toString(), map: s.hasChanged() ? s.generateMap({ hires: "boundary", source: id }) : null, moduleSideEffects: false };
    },
  };
}

/** A schema module's top-level calls marked pure, and its contracts' routes without their schemas. */
function markSchemas(program: Node, s: MagicString): void {
  const inits = topLevelInitialisers(program);
  // A contract's route: its schemas (the third argument) go, before anything inside them is marked.
  const stripped: Node[] = [];
  for (const call of inits.flatMap((init) => callsIn(init))) {
    const callee = call.callee as Node | undefined;
    const args = call.arguments as Node[] | undefined;
    if (call.type === "CallExpression" && callee?.type === "Identifier" && callee.name === "route" && args?.length === 3) {
      stripped.push(args[2]!);
      s.overwrite(args[2]!.start, args[2]!.end, "{}");
    }
  }
  const marked = new Set<number>();
  for (const call of inits.flatMap((init) => callsIn(init))) {
    if (stripped.some((spec) => call.start >= spec.start && call.end <= spec.end)) continue;
    // A chain (`z.string().min(1)`) starts every call at one offset: one mark, on the outermost.
    if (marked.has(call.start)) continue;
    marked.add(call.start);
    s.appendLeft(call.start, "/* @__PURE__ */ ");
  }
}
