import { Router } from "express";
import type { PeopleDirectory } from "../../../auth/people-directory";
import { ROLE_LABELS } from "../../../schemas/reference/person";
import { LISTED_TAB_PAGES } from "../../../teams-app/tab-pages";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** GET /: the tabs and (in local mode) the demo users, each a link that signs in as them. */
export function rootPage(options: { mode: "local" | "entra"; people: PeopleDirectory }) {
  const router = Router();
  router.get("/", async (_req, res) => {
    const people = options.mode === "local" ? await options.people.list() : [];
    const tabs = LISTED_TAB_PAGES.map(
      (t) => `<li><a href="/tabs/${t.slug}">${escapeHtml(t.title)}</a> — ${escapeHtml(t.purpose)}</li>`,
    ).join("\n");
    const rows = people
      .map((p) => {
        const links = LISTED_TAB_PAGES.map((t) => `<a href="/tabs/${t.slug}?as=${encodeURIComponent(p.upn)}">${escapeHtml(t.title)}</a>`).join(" · ");
        return `<tr><td>${escapeHtml(p.displayName)}</td><td><code>${escapeHtml(p.upn)}</code></td><td>${escapeHtml(ROLE_LABELS[p.role])}</td><td>${links}</td></tr>`;
      })
      .join("\n");
    res.type("html").send(`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>LIFT Hub</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;color:#242424;background:#fafafa}
header{background:#0f6cbd;color:#fff;padding:20px 32px}header h1{margin:0;font-size:28px}header p{margin:4px 0 0}
main{padding:24px 32px;max-width:1100px}h2{font-size:20px;margin-top:28px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e0e0e0;font-size:14px}
th{background:#f0f0f0}a{color:#0f548c}code{font-size:13px}
</style></head>
<body><header><h1>LIFT Hub</h1><p>Referrals, LIFT meetings, KPI returns and reminders for the Specialist Teaching and Learning Service.</p></header>
<main>
<h2>Tabs</h2><ul>${tabs}</ul>
${
  options.mode === "local"
    ? `<h2>Demo users</h2><p>Running locally: each link signs in as that demo user (<code>?as=&lt;sign-in name&gt;</code>).</p>
<table><thead><tr><th scope="col">Name</th><th scope="col">Sign-in name</th><th scope="col">Role</th><th scope="col">Open as them</th></tr></thead><tbody>
${rows}
</tbody></table>`
    : `<p>Open LIFT Hub from Microsoft Teams to sign in.</p>`
}
</main></body></html>`);
  });
  return router;
}
