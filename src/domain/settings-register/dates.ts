/**
 * Dates as the sources write them: GIAS uses DD-MM-YYYY; a file re-saved by a spreadsheet may have
 * DD/MM/YYYY; ISO YYYY-MM-DD is accepted too. Undefined for an empty cell; an error message for
 * anything else.
 */
const FORMS: readonly [RegExp, (m: RegExpMatchArray) => [string, string, string]][] = [
  [/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/, (m) => [m[3]!, m[2]!, m[1]!]],
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => [m[1]!, m[2]!, m[3]!]],
];

export function parseSourceDate(text: string): { ok: true; date?: string } | { ok: false; message: string } {
  const t = text.trim();
  if (t === "") return { ok: true };
  for (const [re, parts] of FORMS) {
    const m = t.match(re);
    if (!m) continue;
    const [y, mo, d] = parts(m);
    const iso = `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
    const check = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === iso) return { ok: true, date: iso };
  }
  return { ok: false, message: `'${t}' is not a date (expected DD-MM-YYYY)` };
}
