/**
 * Reads the M365 Agents Toolkit environment files (`env/.env.<name>`, [teams-platform.md §7](../../docs/reference/teams-platform.md#7-agents-toolkit-conventions)). A tiny
 * dotenv-compatible parser: `KEY=value`, optional `export `, `#` comments, single or double quotes.
 * Only the file is read: the packager must produce the same zip wherever it runs, so unlike the
 * toolkit it does not let the shell override the file (the app server reads BOT_ID and friends from
 * the shell for other purposes).
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class EnvFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvFileError";
  }
}

/** Parses dotenv text. Throws `EnvFileError` naming the line of anything it cannot read. */
export function parseEnvFile(text: string, fileName = ".env"): Record<string, string> {
  const vars: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const body = line.startsWith("export ") ? line.slice("export ".length).trimStart() : line;
    const eq = body.indexOf("=");
    const key = eq === -1 ? body : body.slice(0, eq).trim();
    if (eq === -1 || !KEY.test(key)) {
      throw new EnvFileError(`${fileName}:${index + 1}: expected KEY=value, got "${raw}"`);
    }
    vars[key] = unquote(body.slice(eq + 1).trim(), `${fileName}:${index + 1}`);
  });
  return vars;
}

function unquote(value: string, where: string): string {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const end = value.indexOf(quote, 1);
    if (end === -1) throw new EnvFileError(`${where}: unterminated ${quote} quote`);
    const inner = value.slice(1, end);
    return quote === '"' ? inner.replace(/\\n/g, "\n").replace(/\\"/g, '"') : inner;
  }
  // As in dotenv, " #" starts a comment after an unquoted value.
  const hash = value.search(/\s#/);
  return (hash === -1 ? value : value.slice(0, hash)).trim();
}

/** `env/.env.<envName>` under `root`. */
export function envFilePath(root: string, envName: string): string {
  return path.join(root, "env", `.env.${envName}`);
}

/** Reads and parses `env/.env.<envName>`; a missing file is an error naming the path. */
export function loadEnvFile(root: string, envName: string): { path: string; vars: Record<string, string> } {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(envName)) {
    throw new EnvFileError(`bad environment name "${envName}": use letters, digits, "-" or "_" (e.g. local, dev)`);
  }
  const file = envFilePath(root, envName);
  if (!existsSync(file)) {
    throw new EnvFileError(`environment file not found: ${path.relative(root, file)} (create it, or pick another --env)`);
  }
  return { path: file, vars: parseEnvFile(readFileSync(file, "utf8"), path.relative(root, file)) };
}
