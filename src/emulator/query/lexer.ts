/**
 * $filter tokenizer. OData string literals use single quotes with '' as the escape
 * ([graph-sharepoint-lists.md §0](../../../docs/reference/graph-sharepoint-lists.md#0-rules-for-every-endpoint)).
 */
export type Token =
  | { type: "string"; value: string; pos: number }
  | { type: "number"; value: number; pos: number }
  | { type: "ident"; value: string; pos: number }
  | { type: "lparen" | "rparen" | "comma"; pos: number };

export class FilterSyntaxError extends Error {
  constructor(message: string, readonly pos: number) {
    super(message);
    this.name = "FilterSyntaxError";
  }
}

const IDENT_START = /[A-Za-z_]/;
// Identifiers may hold `/` (fields/Title) and `.`; SharePoint internal names hold _x0020_ style escapes.
const IDENT_PART = /[A-Za-z0-9_/.]/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
    } else if (ch === "(") {
      tokens.push({ type: "lparen", pos: i++ });
    } else if (ch === ")") {
      tokens.push({ type: "rparen", pos: i++ });
    } else if (ch === ",") {
      tokens.push({ type: "comma", pos: i++ });
    } else if (ch === "'") {
      const start = i++;
      let value = "";
      for (;;) {
        if (i >= input.length) throw new FilterSyntaxError(`Unterminated string literal at position ${start}`, start);
        const c = input[i] as string;
        if (c === "'") {
          if (input[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += c;
        i++;
      }
      tokens.push({ type: "string", value, pos: start });
    } else if (ch === "-" || (ch >= "0" && ch <= "9")) {
      const m = NUMBER.exec(input.slice(i));
      if (!m) throw new FilterSyntaxError(`Unexpected character '${ch}' at position ${i}`, i);
      const value = Number(m[0]);
      if (!Number.isFinite(value)) throw new FilterSyntaxError(`Number out of range at position ${i}`, i);
      tokens.push({ type: "number", value, pos: i });
      i += m[0].length;
    } else if (IDENT_START.test(ch)) {
      const start = i;
      while (i < input.length && IDENT_PART.test(input[i] as string)) i++;
      tokens.push({ type: "ident", value: input.slice(start, i), pos: start });
    } else {
      throw new FilterSyntaxError(`Unexpected character '${ch}' at position ${i}`, i);
    }
  }
  return tokens;
}
