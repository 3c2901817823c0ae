/**
 * Recursive-descent $filter parser: or → and → not → primary.
 * Supported ([graph-sharepoint-lists.md §3.3](../../../docs/reference/graph-sharepoint-lists.md#33-filtering)): eq ne lt gt le ge, startswith(prop,'x'),
 * and, or, not, parentheses. Any other function or operator is a FilterSyntaxError, which the
 * items handler turns into 400 invalidRequest (strict: reject rather than guess).
 */
import type { CompareOp, FilterNode, Literal, PropertyRef } from "./ast";
import { FilterSyntaxError, tokenize, type Token } from "./lexer";

/**
 * Bounds on a filter's size. The tree is walked recursively (here, in evaluate.ts and in ast.ts),
 * so an unbounded `((((…` or `a and a and …` would overflow the stack and surface as a 500;
 * beyond these it is a 400 like any other bad filter. Real $filter values are far smaller.
 */
export const MAX_FILTER_DEPTH = 64;
export const MAX_FILTER_TERMS = 256;

const COMPARE_OPS = new Set<string>(["eq", "ne", "lt", "gt", "le", "ge"]);
const KEYWORDS = new Set<string>(["and", "or", "not", "true", "false", "null", ...COMPARE_OPS]);

export function parseFilter(input: string): FilterNode {
  const p = new Parser(tokenize(input));
  if (p.atEnd()) throw new FilterSyntaxError("The $filter expression is empty", 0);
  const node = p.parseOr();
  if (!p.atEnd()) {
    const t = p.peek() as Token;
    throw new FilterSyntaxError(`Unexpected token at position ${t.pos}`, t.pos);
  }
  return node;
}

class Parser {
  private i = 0;
  private depth = 0;
  private terms = 0;
  constructor(private readonly tokens: Token[]) {}

  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }
  peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new FilterSyntaxError("Unexpected end of $filter expression", -1);
    return t;
  }
  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t?.type === "ident" && t.value.toLowerCase() === word;
  }
  private expect(type: "lparen" | "rparen" | "comma"): void {
    const t = this.next();
    if (t.type !== type) throw new FilterSyntaxError(`Expected '${symbol(type)}' at position ${t.pos}`, t.pos);
  }

  parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword("or")) {
      this.i++;
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseNot();
    while (this.isKeyword("and")) {
      this.i++;
      left = { kind: "and", left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): FilterNode {
    if (this.isKeyword("not")) {
      const pos = (this.peek() as Token).pos;
      this.i++;
      return { kind: "not", operand: this.nested(pos, () => this.parseNot()) };
    }
    return this.parsePrimary();
  }

  private nested(pos: number, fn: () => FilterNode): FilterNode {
    if (++this.depth > MAX_FILTER_DEPTH) {
      throw new FilterSyntaxError(`The $filter expression nests deeper than ${MAX_FILTER_DEPTH} levels at position ${pos}`, pos);
    }
    const node = fn();
    this.depth--;
    return node;
  }

  private parsePrimary(): FilterNode {
    const t = this.next();
    if (t.type === "lparen") {
      const inner = this.nested(t.pos, () => this.parseOr());
      this.expect("rparen");
      return inner;
    }
    if (++this.terms > MAX_FILTER_TERMS) {
      throw new FilterSyntaxError(`The $filter expression has more than ${MAX_FILTER_TERMS} comparisons`, t.pos);
    }
    if (t.type !== "ident" || KEYWORDS.has(t.value.toLowerCase())) {
      throw new FilterSyntaxError(`Expected a property or function at position ${t.pos}`, t.pos);
    }
    const after = this.peek();
    if (after?.type === "lparen") return this.parseFunction(t);
    const property = toProperty(t.value);
    const opTok = this.next();
    const op = opTok.type === "ident" ? opTok.value.toLowerCase() : "";
    if (!COMPARE_OPS.has(op)) {
      const shown = opTok.type === "ident" ? opTok.value : opTok.type;
      throw new FilterSyntaxError(`Unsupported operator '${shown}' at position ${opTok.pos}`, opTok.pos);
    }
    return { kind: "compare", op: op as CompareOp, property, value: this.parseLiteral() };
  }

  private parseFunction(name: Token & { type: "ident" }): FilterNode {
    if (name.value.toLowerCase() !== "startswith") {
      throw new FilterSyntaxError(`Unsupported function '${name.value}'; only startswith is supported`, name.pos);
    }
    this.expect("lparen");
    const prop = this.next();
    if (prop.type !== "ident") throw new FilterSyntaxError(`startswith expects a property at position ${prop.pos}`, prop.pos);
    this.expect("comma");
    const value = this.next();
    if (value.type !== "string") throw new FilterSyntaxError(`startswith expects a string at position ${value.pos}`, value.pos);
    this.expect("rparen");
    return { kind: "startswith", property: toProperty(prop.value), value: value.value };
  }

  private parseLiteral(): Literal {
    const t = this.next();
    if (t.type === "string" || t.type === "number") return t.value;
    if (t.type === "ident") {
      const word = t.value.toLowerCase();
      if (word === "true") return true;
      if (word === "false") return false;
      if (word === "null") return null;
    }
    throw new FilterSyntaxError(`Expected a literal at position ${t.pos}`, t.pos);
  }
}

function toProperty(raw: string): PropertyRef {
  const path = raw.split("/");
  if (path.some((p) => p.length === 0)) throw new FilterSyntaxError(`Invalid property '${raw}'`, 0);
  return { path };
}

function symbol(type: "lparen" | "rparen" | "comma"): string {
  return type === "lparen" ? "(" : type === "rparen" ? ")" : ",";
}
