/**
 * A subject access as one self-contained HTML page, readable on screen and printed to PDF from the
 * browser: every section of the bundle, each record's fields as nested term/value lists. Everything
 * from a record is escaped (it is user text); the page has no script.
 */
import { SUBJECT_ACCESS_SECTIONS, type HeldRecord, type SubjectAccessBundle } from "../../../schemas/data-protection/api";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** `supportPlan` → "Support plan"; `child.dateOfBirth` keys read as words. */
const words = (key: string) => {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

function value(v: unknown, depth: number): string {
  if (v === null || v === undefined || v === "") return "<span class=none>—</span>";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (typeof v !== "object") return escape(String(v));
  if (depth > 6) return escape(JSON.stringify(v));
  if (Array.isArray(v)) {
    if (v.length === 0) return "<span class=none>none</span>";
    if (v.every((x) => typeof x !== "object" || x === null)) return v.map((x) => escape(String(x))).join(", ");
    return `<ol>${v.map((x) => `<li>${value(x, depth + 1)}</li>`).join("")}</ol>`;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return "<span class=none>none</span>";
  return `<dl>${entries.map(([k, x]) => `<dt>${escape(words(k))}</dt><dd>${value(x, depth + 1)}</dd>`).join("")}</dl>`;
}

function record(r: HeldRecord): string {
  return `<article><h3>Item ${escape(r.id)} <small>made ${escape(r.createdAt)}, last changed ${escape(r.modifiedAt)}</small></h3>${value(r.value, 0)}</article>`;
}

export function subjectAccessHtml(b: SubjectAccessBundle): string {
  const sections = SUBJECT_ACCESS_SECTIONS.map((s) => {
    const items = b.sections[s.key];
    return `<section><h2>${escape(s.label)} (${items.length})</h2>${items.length === 0 ? "<p class=none>Nothing held.</p>" : items.map(record).join("")}</section>`;
  }).join("");
  const erased = b.erased.length === 0 ? "" : `<p><strong>Erased:</strong> ${b.erased.map((e) => `${escape(e.kind)} (${escape(e.status)} ${escape(e.at)})`).join("; ")}. Only the details the service's counts need remain.</p>`;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Subject access: case ${escape(b.caseReference)}</title>
<style>
body{font:14px/1.45 "Segoe UI",system-ui,sans-serif;margin:2rem;color:#111;max-width:60rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:2px solid #444;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1rem;margin:.8rem 0 .3rem}small{font-weight:normal;color:#555}
article{border:1px solid #ccc;border-radius:4px;padding:.4rem .8rem;margin:.5rem 0;break-inside:avoid}
dl{display:grid;grid-template-columns:minmax(10rem,max-content) 1fr;gap:.15rem 1rem;margin:.2rem 0}dt{font-weight:600}dd{margin:0;white-space:pre-wrap}
ol{margin:.2rem 0;padding-left:1.4rem}.none{color:#666}
@media print{body{margin:0}section{break-before:auto}a{color:inherit}}
</style></head><body>
<h1>Subject access: case ${escape(b.caseReference)}</h1>
<p>Everything LIFT Hub holds about the child with this case reference, produced ${escape(b.generatedAt)} by ${escape(b.generatedBy.name)}.
Before sending it, redact what is about other people (third-party data) as the council's subject access procedure requires.</p>
${erased}
${sections}
</body></html>
`;
}
