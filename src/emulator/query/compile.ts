/**
 * The one entry point handlers use: a $filter string → a tree, or Graph's 400 invalidRequest.
 * Whatever the input, the only error that leaves here is that GraphError (tests/emulator/filter.test.ts
 * checks it with random input).
 */
import { GraphErrors } from "../errors";
import type { FilterNode } from "./ast";
import { FilterSyntaxError } from "./lexer";
import { parseFilter } from "./parser";

export function compileFilter(raw: string | undefined): FilterNode | undefined {
  if (raw === undefined) return undefined;
  try {
    return parseFilter(raw);
  } catch (err) {
    if (err instanceof FilterSyntaxError) throw GraphErrors.invalidRequest(`Invalid $filter '${raw}': ${err.message}`);
    throw err;
  }
}
