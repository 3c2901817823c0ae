/**
 * The $filter compiler, stage by stage (table-driven, as Azurite's QueryInterpreter tests), plus
 * fast-check properties: printing any random valid tree and parsing it back gives the same tree,
 * the evaluator agrees with a direct reading of the tree, and random garbage never fails with
 * anything but Graph's 400 invalidRequest.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FilterNode, Literal } from "../../src/emulator/query/ast";
import { evaluateFilter, type ResolvedValue } from "../../src/emulator/query/evaluate";
import { FilterSyntaxError, tokenize } from "../../src/emulator/query/lexer";
import { GraphError } from "../../src/emulator/errors";
import { compileFilter } from "../../src/emulator/query/compile";
import { MAX_FILTER_DEPTH, MAX_FILTER_TERMS, parseFilter } from "../../src/emulator/query/parser";

describe("lexer", () => {
  const cases: Array<{ name: string; input: string; expected: unknown[] }> = [
    { name: "comparison", input: "fields/Title eq 'x'", expected: ["ident:fields/Title", "ident:eq", "string:x"] },
    { name: "doubled quote escape", input: "'let''s'", expected: ["string:let's"] },
    { name: "negative decimal", input: "-12.5", expected: ["number:-12.5"] },
    { name: "function call", input: "startswith(fields/A,'b')", expected: ["ident:startswith", "lparen", "ident:fields/A", "comma", "string:b", "rparen"] },
    { name: "whitespace is ignored", input: "  a \t eq\n1 ", expected: ["ident:a", "ident:eq", "number:1"] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const shown = tokenize(c.input).map((t) => ("value" in t ? `${t.type}:${String(t.value)}` : t.type));
      expect(shown).toEqual(c.expected);
    });
  }
  it.each(["'open", "a eq #", "a eq \"x\""])("rejects %s", (input) => {
    expect(() => tokenize(input)).toThrow(FilterSyntaxError);
  });
});

describe("parser", () => {
  const F = (name: string) => ({ path: ["fields", name] });
  const cases: Array<{ name: string; input: string; expected: FilterNode }> = [
    { name: "eq string", input: "fields/Status eq 'Open'", expected: { kind: "compare", op: "eq", property: F("Status"), value: "Open" } },
    { name: "operators are case-insensitive", input: "fields/N GE 3", expected: { kind: "compare", op: "ge", property: F("N"), value: 3 } },
    { name: "booleans and null", input: "fields/B eq true", expected: { kind: "compare", op: "eq", property: F("B"), value: true } },
    { name: "null literal", input: "fields/B ne null", expected: { kind: "compare", op: "ne", property: F("B"), value: null } },
    { name: "startswith", input: "startswith(fields/Title,'ba')", expected: { kind: "startswith", property: F("Title"), value: "ba" } },
    {
      name: "and binds tighter than or",
      input: "fields/A eq 1 or fields/B eq 2 and fields/C eq 3",
      expected: {
        kind: "or",
        left: { kind: "compare", op: "eq", property: F("A"), value: 1 },
        right: {
          kind: "and",
          left: { kind: "compare", op: "eq", property: F("B"), value: 2 },
          right: { kind: "compare", op: "eq", property: F("C"), value: 3 },
        },
      },
    },
    {
      name: "parentheses override precedence",
      input: "(fields/A eq 1 or fields/B eq 2) and not fields/C eq 3",
      expected: {
        kind: "and",
        left: {
          kind: "or",
          left: { kind: "compare", op: "eq", property: F("A"), value: 1 },
          right: { kind: "compare", op: "eq", property: F("B"), value: 2 },
        },
        right: { kind: "not", operand: { kind: "compare", op: "eq", property: F("C"), value: 3 } },
      },
    },
  ];
  for (const c of cases) it(c.name, () => expect(parseFilter(c.input)).toEqual(c.expected));

  const bad: Array<[string, RegExp]> = [
    ["", /empty/],
    ["contains(fields/Title,'x')", /Unsupported function 'contains'/],
    ["fields/A has 'x'", /Unsupported operator 'has'/],
    ["fields/A eq", /end of \$filter/],
    ["(fields/A eq 1", /Unexpected end of \$filter/],
    ["fields/A eq 1 fields/B eq 2", /Unexpected token/],
    ["fields/A eq fields/B", /Expected a literal/],
  ];
  it.each(bad)("rejects %j", (input, message) => {
    expect(() => parseFilter(input)).toThrow(message);
  });
});

describe("evaluator", () => {
  const item: Record<string, ResolvedValue> = {
    Title: { value: "Dune Messiah", kind: "text" },
    Pages: { value: 256, kind: "number" },
    InPrint: { value: true, kind: "boolean" },
    Due: { value: "2026-03-10T00:00:00Z", kind: "dateTime" },
    Tags: { value: ["red", "blue"], kind: "text" },
    PersonLookupId: { value: "12", kind: "number" },
  };
  const resolve = (p: { path: string[] }) => item[p.path[1] as string] ?? { value: undefined, kind: "text" as const };
  const cases: Array<[string, boolean]> = [
    ["fields/Title eq 'Dune Messiah'", true],
    ["fields/Title eq 'dune messiah'", true], // SharePoint compares text case-insensitively
    ["fields/Title ne 'Dune'", true],
    ["startswith(fields/Title,'DUNE')", true],
    ["startswith(fields/Title,'Messiah')", false],
    ["fields/Pages gt 200", true],
    ["fields/Pages lt 256", false],
    ["fields/Pages le 256", true],
    ["fields/Pages ge 257", false],
    ["fields/InPrint eq true", true],
    ["fields/InPrint eq 1", true],
    ["fields/InPrint eq 0", false],
    ["fields/Due gt '2026-03-09T23:00:00Z'", true],
    ["fields/Due eq '2026-03-10T00:00:00.000Z'", true],
    ["fields/Tags eq 'blue'", true],
    ["fields/Tags ne 'red'", false],
    ["fields/PersonLookupId eq 12", true],
    ["fields/Missing eq null", true],
    ["fields/Missing gt 0", false],
    ["fields/Missing lt 0", false],
    ["(fields/Pages gt 300 or fields/InPrint eq true) and not fields/Title eq 'x'", true],
  ];
  it.each(cases)("%s → %s", (filter, expected) => {
    expect(evaluateFilter(parseFilter(filter), resolve)).toBe(expected);
  });
});

// ---- properties ----

const name = fc.constantFrom("Title", "Status", "N", "field_1", "Due_x0020_Date");
const literal: fc.Arbitrary<Literal> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
  fc.constant(null),
);
const leaf: fc.Arbitrary<FilterNode> = fc.oneof(
  fc.record({
    kind: fc.constant("compare" as const),
    op: fc.constantFrom("eq", "ne", "lt", "gt", "le", "ge" as const),
    property: name.map((n) => ({ path: ["fields", n] })),
    value: literal,
  }),
  fc.record({ kind: fc.constant("startswith" as const), property: name.map((n) => ({ path: ["fields", n] })), value: fc.string({ maxLength: 8 }) }),
);
const tree: fc.Arbitrary<FilterNode> = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ kind: fc.constantFrom("and" as const, "or" as const), left: tie("node"), right: tie("node") }),
    fc.record({ kind: fc.constant("not" as const), operand: tie("node") }),
  ),
})).node;

function printLiteral(v: Literal): string {
  if (typeof v === "string") return `'${v.replace(/'/g, "''")}'`;
  return String(v);
}
/** Fully parenthesised printer: the parser must read back exactly the tree it was given. */
function print(n: FilterNode): string {
  switch (n.kind) {
    case "and":
    case "or":
      return `(${print(n.left)}) ${n.kind} (${print(n.right)})`;
    case "not":
      return `not (${print(n.operand)})`;
    case "startswith":
      return `startswith(${n.property.path.join("/")},${printLiteral(n.value)})`;
    case "compare":
      return `${n.property.path.join("/")} ${n.op} ${printLiteral(n.value)}`;
  }
}

describe("properties", () => {
  it("parse(print(tree)) equals tree", () => {
    fc.assert(fc.property(tree, (t) => {
          expect(parseFilter(print(t))).toEqual(t);
        }), { numRuns: 300 });
  });

  it("and/or/not evaluate as boolean logic over their parts", () => {
    const values = fc.record({ Title: fc.string({ maxLength: 4 }), N: fc.integer({ min: -5, max: 5 }) });
    fc.assert(
      fc.property(tree, values, (t, v) => {
        const resolve = (p: { path: string[] }): ResolvedValue => {
          const key = p.path[1];
          if (key === "N") return { value: v.N, kind: "number" };
          if (key === "Title") return { value: v.Title, kind: "text" };
          return { value: undefined, kind: "text" };
        };
        const direct = (n: FilterNode): boolean =>
          n.kind === "and" ? direct(n.left) && direct(n.right)
          : n.kind === "or" ? direct(n.left) || direct(n.right)
          : n.kind === "not" ? !direct(n.operand)
          : evaluateFilter(n, resolve);
        expect(evaluateFilter(parseFilter(print(t)), resolve)).toBe(direct(t));
      }),
      { numRuns: 300 },
    );
  });

  // The handlers' entry point: whatever arrives in $filter, the only possible failure is Graph's 400.
  const expectOnly400 = (input: string) => {
    try {
      compileFilter(input);
    } catch (err) {
      expect(err).toBeInstanceOf(GraphError);
      expect((err as GraphError).status).toBe(400);
      expect((err as GraphError).code).toBe("invalidRequest");
    }
  };

  it("never throws anything but a Graph 400 invalidRequest on arbitrary strings", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 60 })), expectOnly400), { numRuns: 1000 });
  });

  it("never throws anything but a Graph 400 invalidRequest on shuffled filter fragments", () => {
    const fragment = fc.constantFrom(
      "fields/Title", "fields/N", "id", "eq", "ne", "lt", "gt", "le", "ge", "and", "or", "not", "startswith", "contains",
      "(", ")", ",", "'x'", "''", "'it''s'", "'", "1", "-2.5", "1e999", "true", "null", "/", " ", "$", "%20", "fields//A",
    );
    fc.assert(fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => expectOnly400(parts.join(" "))), { numRuns: 2000 });
  });

  it.each([
    ["deep parentheses", "(".repeat(5000) + "fields/A eq 1" + ")".repeat(5000)],
    ["a long not chain", "not ".repeat(5000) + "fields/A eq 1"],
    ["a long and chain", "fields/A eq 1 and ".repeat(5000) + "fields/A eq 1"],
    ["a number out of range", "fields/A eq 1e999"],
  ])("answers %s with 400 rather than overflowing", (_name, input) => {
    expect(() => compileFilter(input)).toThrow(GraphError);
    expectOnly400(input);
  });

  it(`accepts ${MAX_FILTER_DEPTH} levels of nesting and ${MAX_FILTER_TERMS} comparisons`, () => {
    expect(compileFilter("(".repeat(MAX_FILTER_DEPTH) + "fields/A eq 1" + ")".repeat(MAX_FILTER_DEPTH))).toBeDefined();
    expect(compileFilter(Array.from({ length: MAX_FILTER_TERMS }, (_, i) => `fields/A eq ${i}`).join(" or "))).toBeDefined();
  });
});
