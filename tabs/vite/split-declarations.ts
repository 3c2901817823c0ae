/**
 * One module per top-level declaration, for the tab build (tabs/vite/schemas-for-pages.ts).
 *
 * Rollup puts a module in one chunk, with every part of it that any page uses. A module of
 * src/schemas holds option lists a page shows at first paint beside schemas that only a form
 * (loaded later) validates with, so one form kept zod in the first paint of every page that shows an
 * option list from the same module. Split into one module per declaration, each part lands in the
 * chunk of the pages that use it, and the module itself becomes a list of re-exports.
 *
 * Only modules whose top level is imports, exports and `const`/`function`/`class` declarations are
 * split (no `let`/`var` that something could reassign, no statement run for its effect bar
 * `void name;`, no default export, no destructuring), and only when no two declarations need each other (a cycle would leave
 * the order they run in to the bundler). Anything else is left whole, as it was.
 */
import type { default as MagicString, SourceMap } from "magic-string";

/** The ESTree nodes we look at (Rollup's parser gives start/end offsets on every node). */
export interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && typeof (value as Node).type === "string";

/** The id of a declaration's own module: its module's path, and the declaration's name as a query. */
export const DECLARATION_QUERY = "?lift-hub-declaration=";
const declarationId = (file: string, name: string) => `${file}${DECLARATION_QUERY}${name}`;

/** Every identifier a node reads or names, bar property names (over-counting only adds an import). */
function identifiersIn(node: Node, found = new Set<string>()): Set<string> {
  if (node.type === "Identifier") found.add(node.name as string);
  for (const [key, value] of Object.entries(node)) {
    if (key === "type" || key === "start" || key === "end") continue;
    if ((node.type === "MemberExpression" && key === "property" && !node.computed) || ((node.type === "Property" || node.type === "MethodDefinition" || node.type === "PropertyDefinition") && key === "key" && !node.computed)) continue;
    if (Array.isArray(value)) for (const child of value) if (isNode(child)) identifiersIn(child, found);
    if (isNode(value)) identifiersIn(value, found);
  }
  return found;
}

/** A declaration's own module. */
export interface DeclarationModule {
  code: string;
  map: SourceMap;
}

interface Unit {
  /** The declaration, without its `export` keyword. */
  node: Node;
  names: string[];
}

interface ImportedName {
  source: string;
  /** The name in the source module; "*" for a namespace, "default" for a default import. */
  imported: string;
}

/**
 * The module as re-exports of one module per declaration (`facade`), and those modules by id; or
 * undefined when the module is not split. `s` holds the module's code with the edits already made
 * to it; `resolved` maps each import source of the module to its resolved id.
 */
export function splitDeclarations(
  file: string,
  program: Node,
  s: MagicString,
  resolved: ReadonlyMap<string, string>,
): { facade: string; modules: Map<string, DeclarationModule> } | undefined {
  const units: Unit[] = [];
  const imports = new Map<string, ImportedName>();
  const localExports: { local: string; exported: string }[] = [];
  const reExports: string[] = [];
  for (const statement of program.body as Node[]) {
    if (statement.type === "ImportDeclaration") {
      const source = resolved.get((statement.source as Node).value as string);
      if (!source) return undefined;
      for (const spec of statement.specifiers as Node[]) {
        const local = (spec.local as Node).name as string;
        if (spec.type === "ImportNamespaceSpecifier") imports.set(local, { source, imported: "*" });
        else if (spec.type === "ImportDefaultSpecifier") imports.set(local, { source, imported: "default" });
        else imports.set(local, { source, imported: ((spec.imported as Node).name ?? (spec.imported as Node).value) as string });
      }
      continue;
    }
    if ((statement.type === "ExportNamedDeclaration" && statement.source) || statement.type === "ExportAllDeclaration") {
      const source = resolved.get((statement.source as Node).value as string);
      if (!source) return undefined;
      const text = s.original.slice(statement.start, statement.end);
      const quoted = (statement.source as Node).raw as string;
      reExports.push(text.replace(quoted, JSON.stringify(source)));
      continue;
    }
    if (statement.type === "ExportNamedDeclaration" && !statement.declaration) {
      for (const spec of statement.specifiers as Node[]) localExports.push({ local: (spec.local as Node).name as string, exported: ((spec.exported as Node).name ?? (spec.exported as Node).value) as string });
      continue;
    }
    // `void name;`, which only keeps a compile-time check's constant from counting as unused.
    if (statement.type === "ExpressionStatement" && (statement.expression as Node).type === "UnaryExpression" && (statement.expression as Node).operator === "void" && ((statement.expression as Node).argument as Node).type === "Identifier") continue;
    const exported = statement.type === "ExportNamedDeclaration";
    const node = exported ? (statement.declaration as Node) : statement;
    let names: string[];
    if (node.type === "VariableDeclaration" && node.kind === "const") {
      const ids = (node.declarations as Node[]).map((d) => d.id as Node);
      if (ids.some((id) => id.type !== "Identifier")) return undefined;
      names = ids.map((id) => id.name as string);
    } else if ((node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") && isNode(node.id)) {
      names = [node.id.name as string];
    } else {
      return undefined;
    }
    if (exported) for (const name of names) localExports.push({ local: name, exported: name });
    units.push({ node, names });
  }
  if (units.length < 2) return undefined;

  const unitOf = new Map<string, Unit>();
  for (const unit of units) for (const name of unit.names) unitOf.set(name, unit);
  const needs = new Map<Unit, { siblings: Set<Unit>; imported: Set<string> }>();
  for (const unit of units) {
    const siblings = new Set<Unit>();
    const imported = new Set<string>();
    for (const name of identifiersIn(unit.node)) {
      const sibling = unitOf.get(name);
      if (sibling && sibling !== unit) siblings.add(sibling);
      else if (!sibling && imports.has(name)) imported.add(name);
    }
    needs.set(unit, { siblings, imported });
  }
  if (hasCycle(units, (unit) => needs.get(unit)!.siblings)) return undefined;

  const modules = new Map<string, DeclarationModule>();
  for (const unit of units) {
    const { siblings, imported } = needs.get(unit)!;
    const lines: string[] = [];
    for (const name of imported) {
      const { source, imported: what } = imports.get(name)!;
      const from = JSON.stringify(source);
      lines.push(what === "*" ? `import * as ${name} from ${from};` : what === "default" ? `import ${name} from ${from};` : `import { ${what} as ${name} } from ${from};`);
    }
    for (const sibling of siblings) lines.push(`import { ${sibling.names.join(", ")} } from ${JSON.stringify(declarationId(file, sibling.names[0]!))};`);
    // The declaration's own text, mapped back to the module it came from (as compiled to JavaScript).
    const own = s.clone().remove(0, unit.node.start).remove(unit.node.end, s.original.length);
    own.prepend(lines.map((line) => `${line}\n`).join("")).append(`\nexport { ${unit.names.join(", ")} };`);
    modules.set(declarationId(file, unit.names[0]!), { code: own.toString(), map: own.generateMap({ hires: "boundary", source: file, includeContent: true }) });
  }
  const facade = [
    ...reExports,
    ...localExports.map(({ local, exported }) => {
      const unit = unitOf.get(local);
      if (unit) return `export { ${local} as ${exported} } from ${JSON.stringify(declarationId(file, unit.names[0]!))};`;
      const { source, imported } = imports.get(local)!;
      return imported === "*"
        ? `export * as ${exported} from ${JSON.stringify(source)};`
        : `export { ${imported} as ${exported} } from ${JSON.stringify(source)};`;
    }),
  ].join("\n");
  return { facade, modules };
}

function hasCycle<T>(nodes: readonly T[], next: (node: T) => Iterable<T>): boolean {
  const state = new Map<T, "open" | "done">();
  const visit = (node: T): boolean => {
    const seen = state.get(node);
    if (seen === "open") return true;
    if (seen === "done") return false;
    state.set(node, "open");
    for (const other of next(node)) if (visit(other)) return true;
    state.set(node, "done");
    return false;
  };
  return nodes.some(visit);
}
