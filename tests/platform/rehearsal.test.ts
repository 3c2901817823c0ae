/**
 * The production rehearsal: the built bundle with production dependencies only, in tenant mode,
 * against local stand-ins for the tenant (tests/support/rehearsal/): an Entra-shaped issuer, the
 * Graph emulator as the SharePoint site (https, its certificate trusted through
 * NODE_EXTRA_CA_CERTS, accepting only that issuer's app-only tokens) and Teams' Bot Framework side
 * (channel token issuer and connector). Nothing here uses the local identity provider, the
 * emulator's any-token mode or the bot's authentication-off mode.
 *
 * In order, as an operator would, with the deployable only (dist/ and production dependencies, no
 * tsx): `node dist/cli.js provision` creates the lists; the site owners add a person to the People
 * list; `node dist/main.js` starts; that person's Teams SSO token reaches /api/me and bad tokens are
 * refused; the KPI return tab, framed by the local Teams host, signs that person in through Teams
 * SSO and saves a figure; Teams installs the bot; `node dist/cli.js reminders` delivers a reminder;
 * `node dist/cli.js data:subject-access` answers a subject access request for a child on the site.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FEATURE_LISTS } from "../../src/server/app/compose";
import { LIFT_LISTS, PeopleList } from "../../src/server/core/lists";
import { ReferralsList } from "../../src/server/features/referrals/lists";
import { toFields } from "../../src/graph/list-definition";
import type { Person } from "../../src/schemas/reference/person";
import type { ReferralItem } from "../../src/schemas/referrals/records";
import type { Request } from "playwright-core";
import { chromiumFlags } from "../../scripts/teams-host";
import { createHostCert } from "../../src/teams-host/cert";
import { startTeamsHost } from "../../src/teams-host/server";
import { launchBrowser } from "../support/browser";
import { baseActivity, cardOf, cardText, postActivity } from "../bot/activities";
import { buildDist, ROOT, stageDeployable } from "../support/deployable";
import { freePort } from "../support/ports";
import { startBuiltApp, runCommand, type BuiltApp } from "../support/rehearsal/processes";
import { APP_AUDIENCE, APP_CLIENT_ID, BOT_ID, CONNECTOR_SCOPE, OTHER_TENANT_ID, SITE_URL, startStandInTenant, TENANT_ID, type StandInTenant } from "../support/rehearsal/tenant";

/** A district lead of the council, as the site owners enter them in the People list. */
const LEAD: Person = { oid: "3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b", upn: "helen.marsh@contoso.example", displayName: "Helen Marsh", role: "district_lead", districtSlug: "dover" };
/** Who the lead's Teams SSO token names (Entra: oid, preferred_username, name in their home tenant). */
const USER = { oid: LEAD.oid, upn: LEAD.upn, name: LEAD.displayName, tenant: TENANT_ID };
const LEAD_TEAMS_ID = "29:1rehearsal-lead-dover";
const LEAD_CHAT_ID = "a:1rehearsal-personal-chat-lead-dover";
/** Term 1 2025-26 KPI returns are due at 5pm on Friday 7 November 2025: the morning of is a due-day reminder. */
const REMINDER_AT = "2025-11-07T09:00:00Z";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lift-hub-rehearsal-"));
const folder = path.join(dir, "deploy");
let tenant: StandInTenant;
let app: BuiltApp;
let siteId = "";

/** A child's referral on the site, as a SENCo's submission leaves it (the subject of a subject access request). */
const CASE_REFERENCE = "DOV-2526-0007";
const CHILD_NAME = "Rehearsal Child";

/** An operator command run from the staged deployable, as on the App Service: `node dist/cli.js <command> …`. */
const deployed = (args: string[]) => runCommand(["dist/cli.js", ...args], folder, appEnv());

/** The env of the app and its commands: the tenant's settings, a data directory, no scheduler (the pass is run by hand). */
const appEnv = () => ({ ...tenant.env, DATA_DIR: path.join(dir, "data"), LOG_LEVEL: "warn", REMINDERS: "off" });

beforeAll(async () => {
  fs.mkdirSync(folder);
  tenant = await startStandInTenant(dir);
  await buildDist();
  stageDeployable(folder);
}, 300_000);

afterAll(async () => {
  await app?.stop();
  await tenant?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("provisioning the site", () => {
  it("`node dist/cli.js provision` from the deployable, in tenant mode, creates every list as the app, with tokens from the tenant's Entra", async () => {
    // The deployable holds no development tools: the command is the built one.
    expect(fs.existsSync(path.join(folder, "node_modules", "tsx"))).toBe(false);
    const { code, output } = await deployed(["provision"]);
    expect(code, output).toBe(0);
    expect(output).toContain("(tenant mode)");

    const site = await tenant.graphAsAdmin("GET", `/sites/${new URL(SITE_URL).hostname}:${new URL(SITE_URL).pathname}?$select=id`);
    expect(site.status).toBe(200);
    siteId = site.body.id as string;
    const lists = await tenant.graphAsAdmin("GET", `/sites/${siteId}/lists?$select=displayName,id&$top=500`);
    expect(lists.status).toBe(200);
    const titles = (lists.body.value as Array<{ displayName: string }>).map((l) => l.displayName);
    for (const def of [...LIFT_LISTS, ...FEATURE_LISTS]) expect(titles).toContain(def.title);
    // The app asked the tenant's token endpoint for an app-only Graph token with its own secret.
    expect(tenant.entra.requests).toContainEqual({ tenant: TENANT_ID, grantType: "client_credentials", clientId: APP_CLIENT_ID, scope: `${tenant.graphEndpoint}/.default` });
    // No demo people in tenant mode: the site owners fill the People list.
    const peopleList = (lists.body.value as Array<{ displayName: string; id: string }>).find((l) => l.displayName === PeopleList.title);
    const people = await tenant.graphAsAdmin("GET", `/sites/${siteId}/lists/${peopleList?.id}/items?$expand=fields`);
    expect(people.body.value).toEqual([]);
  }, 180_000);

  it("the site, as Graph does, refuses a token its tenant's Entra did not issue for it", async () => {
    const forTheTab = await tenant.entra.userToken({ ...USER, audience: APP_AUDIENCE });
    const res = await tenant.graphAsAdmin("GET", `/sites/${siteId}?$select=id`, undefined, forTheTab);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("InvalidAuthenticationToken");
  });
});

describe("the built app in tenant mode", () => {
  beforeAll(async () => {
    const peopleList = await tenant.graphAsAdmin("GET", `/sites/${siteId}/lists?$filter=displayName eq 'People'&$select=id`);
    const listId = (peopleList.body.value as Array<{ id: string }>)[0]?.id;
    const added = await tenant.graphAsAdmin("POST", `/sites/${siteId}/lists/${listId}/items`, { fields: toFields(PeopleList, LEAD, "create") });
    expect(added.status).toBe(201);
    app = await startBuiltApp(folder, await freePort(), appEnv());
  }, 120_000);

  // What the app printed explains most failures here (a token refused, a send that failed).
  afterEach((context) => {
    if (context.task.result?.state === "fail") console.log(`dist/main.js output:\n${app?.output()}`);
  });

  it("answers /healthz with the SharePoint site reachable", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", checks: { graph: "ok" } });
    expect(app.output()).not.toMatch(/demo data/i);
  });

  const me = (token: string) => fetch(`${app.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });

  it("a Teams SSO token for the app's audience with access_as_user reaches /api/me as the person in the People list", async () => {
    const token = await tenant.entra.userToken({ ...USER, audience: APP_AUDIENCE });
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ oid: LEAD.oid, upn: LEAD.upn, displayName: LEAD.displayName, role: "district_lead", district: { slug: "dover" } });
  });

  it.each([
    ["wrong audience", { audience: `api://other.example/${APP_CLIENT_ID}` }, "token_wrong_audience"],
    ["wrong tenant", { tenant: OTHER_TENANT_ID }, "token_unknown_tenant"],
    ["wrong issuer", { issuer: `https://sts.windows.net/${TENANT_ID}/` }, "token_wrong_issuer"],
    ["expired", { expiresIn: -600 }, "token_expired"],
  ] as const)("refuses a token with the %s: 401", async (_what, change, code) => {
    const token = await tenant.entra.userToken({ ...USER, audience: APP_AUDIENCE, ...change });
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it("refuses a valid token without the access_as_user scope: 403 (insufficient scope, RFC 6750 §3.1)", async () => {
    const token = await tenant.entra.userToken({ ...USER, audience: APP_AUDIENCE, scp: "User.Read" });
    const res = await me(token);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("token_missing_scope");
  });

  it("the on-behalf-of exchange turns the user's SSO token into a Graph token for that user; a token for another app is refused", async () => {
    const sso = await tenant.entra.userToken({ ...USER, audience: APP_AUDIENCE });
    const exchanged = await runCommand(["--import", "tsx", "tests/support/rehearsal/obo-exchange.ts"], ROOT, { ...appEnv(), OBO_ASSERTION: sso });
    expect(exchanged.code, exchanged.output).toBe(0);
    expect(await tenant.entra.verify(exchanged.output.trim())).toMatchObject({ aud: tenant.graphEndpoint, oid: LEAD.oid, tid: TENANT_ID, azp: APP_CLIENT_ID, scp: "User.Read" });
    expect(tenant.entra.requests).toContainEqual({ tenant: TENANT_ID, grantType: "urn:ietf:params:oauth:grant-type:jwt-bearer", clientId: APP_CLIENT_ID, scope: expect.stringContaining(`${tenant.graphEndpoint}/.default`) });

    const forAnotherApp = await tenant.entra.userToken({ ...USER, audience: "api://other.example/another-app" });
    const refused = await runCommand(["--import", "tsx", "tests/support/rehearsal/obo-exchange.ts"], ROOT, { ...appEnv(), OBO_ASSERTION: forAnotherApp });
    expect(refused.code).toBe(1);
    // Entra's invalid_grant: the tab must ask again (consent or a fresh token), a coded error the client can act on.
    expect(refused.output.trim()).toBe("forbidden");
  }, 60_000);

  it("the KPI return tab, framed by the Teams host, signs the lead in through getAuthToken with this Entra's token and saves a figure", async () => {
    // The host's token source is this tenant's Entra, as Teams' would be: the lead's token for the
    // app's audience with access_as_user (the app has no local identity provider in tenant mode).
    const host = await startTeamsHost({
      appUrl: app.url,
      cert: await createHostCert(),
      port: 0,
      tokens: {
        users: async () => [{ upn: LEAD.upn, displayName: LEAD.displayName, roleLabel: "District STLS lead" }],
        issue: async (upn) =>
          upn === LEAD.upn
            ? { status: 200, body: { token_type: "Bearer", expires_in: 3600, access_token: await tenant.entra.userToken({ ...USER, audience: APP_AUDIENCE }) } }
            : { status: 404, body: { error: { code: "not_found", message: `No such user in the tenant: ${upn}` } } },
      },
    });
    const browser = await launchBrowser({ extraArgs: chromiumFlags(host.port) });
    try {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      // teams-js fetches its valid-origins list from the Office CDN; offline it uses the list it ships.
      await context.route("https://res.cdn.office.net/**", (route) => route.fulfill({ status: 503, body: "offline" }));
      const page = await context.newPage();
      const tabUrls: string[] = [];
      const appPaths: string[] = [];
      const authorizations: string[] = [];
      page.on("framenavigated", (frame) => {
        if (frame !== page.mainFrame()) tabUrls.push(frame.url());
      });
      page.on("request", (request: Request) => {
        if (!request.url().startsWith(`${app.url}/`)) return;
        appPaths.push(new URL(request.url()).pathname);
        if (request.url().startsWith(`${app.url}/api/`)) authorizations.push(request.headers().authorization ?? "");
      });
      await page.goto(`https://teams.microsoft.com/?${new URLSearchParams({ tab: "kpi-return", user: LEAD.upn, frame: "content", theme: "default" }).toString()}`);
      const tab = page.frameLocator("#tab-frame");
      await tab.getByTestId("signed-in-user").waitFor({ timeout: 30_000 });
      await tab.getByTestId("return-status").waitFor({ timeout: 20_000 });
      expect(await tab.getByTestId("signed-in-user").textContent()).toContain(LEAD.displayName);

      const year = await tab.getByLabel("Academic year").inputValue();
      const term = Number(/Term (\d)/.exec((await tab.getByRole("tab", { selected: true }).textContent()) ?? "")?.[1]);
      const field = tab.getByLabel("Requests resolved at LIFT", { exact: true });
      await field.fill("9");
      await field.blur();
      await tab.getByRole("button", { name: "Save draft" }).click();
      await tab.getByTestId("form-notice").filter({ hasText: "Draft saved" }).waitFor({ timeout: 20_000 });

      // Signed in by the host's getAuthToken, never by a `?as=` name (tenant mode has no local sign-in).
      const funcs = await page.locator("#host-log li[data-direction=tab]").evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.func ?? ""));
      expect(funcs).toContain("authentication.getAuthToken");
      expect(host.tokensIssued).toContain(LEAD.upn);
      expect(tabUrls.length).toBeGreaterThan(0);
      for (const url of tabUrls) expect(new URL(url).searchParams.has("as"), url).toBe(false);
      expect(appPaths).toContain("/auth/config");
      expect(appPaths.filter((p) => p.startsWith("/auth/local"))).toEqual([]);
      expect(await (await fetch(`${app.url}/auth/config`)).json()).toEqual({ mode: "entra", clientId: APP_CLIENT_ID });
      expect((await fetch(`${app.url}/auth/local/token?as=${encodeURIComponent(LEAD.upn)}`)).status).toBe(404);
      expect(authorizations.length).toBeGreaterThan(0);
      for (const authorization of authorizations) {
        const claims = await tenant.entra.verify(/^Bearer (\S+)$/.exec(authorization)?.[1] ?? "");
        expect(claims).toMatchObject({ aud: APP_AUDIENCE, oid: LEAD.oid, scp: "access_as_user", tid: TENANT_ID });
      }

      // The app stored the figure, as the lead.
      const token = await tenant.entra.userToken({ ...USER, audience: APP_AUDIENCE });
      const saved = await fetch(`${app.url}/api/kpi/returns/dover/${year}/${term}`, { headers: { authorization: `Bearer ${token}` } });
      expect(saved.status).toBe(200);
      const body = (await saved.json()) as { return: { values: Record<string, number>; history: Array<{ status: string; byName: string }> } };
      expect(body.return.values.kpi_1_1).toBe(9);
      expect(body.return.history.filter((h) => h.status === "draft").at(-1)?.byName).toBe(LEAD.displayName);
    } finally {
      await browser.close();
      await host.close();
    }
  }, 120_000);

  const install = () =>
    baseActivity(tenant.connector.url, {
      type: "conversationUpdate",
      membersAdded: [{ id: `28:${BOT_ID}` }],
      from: { id: LEAD_TEAMS_ID, aadObjectId: LEAD.oid, name: LEAD.displayName },
      recipient: { id: `28:${BOT_ID}`, name: "LIFT Hub" },
      conversation: { id: LEAD_CHAT_ID, conversationType: "personal", tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
    });

  it("the bot endpoint refuses an activity without a channel token, with one for another serviceUrl, or from another tenant", async () => {
    const none = await postActivity(app.url, install());
    expect(none.status).toBe(401);
    const elsewhere = await tenant.channel.activityToken({ botId: BOT_ID, serviceUrl: "https://smba.elsewhere.example/" });
    const mismatched = await postActivity(app.url, install(), { authorization: `Bearer ${elsewhere}` });
    expect(mismatched.status).toBe(401);
    expect(mismatched.body).toMatchObject({ error: { code: "unauthenticated" } });
    // Refused in the app's own log, not with the SDK's stack trace on the console.
    expect(app.output()).not.toMatch(/AuthenticationError/);
    // Signed by the channel, but from a tenant the app does not serve.
    const fromElsewhere = { ...install(), conversation: { id: LEAD_CHAT_ID, conversationType: "personal", tenantId: OTHER_TENANT_ID }, channelData: { tenant: { id: OTHER_TENANT_ID } } };
    const signed = await tenant.channel.activityToken({ botId: BOT_ID, serviceUrl: tenant.connector.url });
    expect((await postActivity(app.url, fromElsewhere, { authorization: `Bearer ${signed}` })).status).toBe(403);
    expect(tenant.connector.activities).toHaveLength(0);
  });

  it("accepts an install signed by the channel issuer, and answers through the connector with the bot's token from BOT_TOKEN_ENDPOINT", async () => {
    tenant.connector.members.set(LEAD_TEAMS_ID, { id: LEAD_TEAMS_ID, aadObjectId: LEAD.oid, name: LEAD.displayName, userPrincipalName: LEAD.upn });
    const token = await tenant.channel.activityToken({ botId: BOT_ID, serviceUrl: tenant.connector.url });
    const res = await postActivity(app.url, install(), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);

    const [welcome] = await tenant.connector.waitForActivities(1, 30_000);
    expect(welcome?.conversationId).toBe(LEAD_CHAT_ID);
    expect(cardText(cardOf(welcome!.activity))).toMatch(/remind district leads/);
    const bearer = /^Bearer (.+)$/.exec(welcome?.authorization ?? "")?.[1] ?? "";
    expect(await tenant.entra.verify(bearer)).toMatchObject({ aud: CONNECTOR_SCOPE, appid: BOT_ID, tid: TENANT_ID });
  });

  it("a reminder pass from the deployable (`node dist/cli.js reminders --at` a due day) delivers the KPI reminder to the connector", async () => {
    const before = tenant.connector.activities.length;
    const { code, output } = await deployed(["reminders", "--at", REMINDER_AT]);
    expect(code, output).toBe(0);
    expect(output).toContain(`→ ${LEAD.oid}`);
    const activities = await tenant.connector.waitForActivities(before + 1, 30_000);
    const reminder = activities.slice(before).find((a) => a.conversationId === LEAD_CHAT_ID);
    expect(cardText(cardOf(reminder!.activity))).toMatch(/KPI return/i);
    expect(await tenant.entra.verify(/^Bearer (.+)$/.exec(reminder?.authorization ?? "")?.[1] ?? "")).toMatchObject({ aud: CONNECTOR_SCOPE, appid: BOT_ID });
  }, 180_000);
});

describe("data protection from the deployable", () => {
  /** The actions the audit trail holds, and the whole trail as text (to check it never names the child). */
  async function auditTrail(): Promise<{ actions: string[]; text: string }> {
    const lists = await tenant.graphAsAdmin("GET", `/sites/${siteId}/lists?$filter=displayName eq 'AuditLog'&$select=id`);
    const listId = (lists.body.value as Array<{ id: string }>)[0]?.id;
    const items = await tenant.graphAsAdmin("GET", `/sites/${siteId}/lists/${listId}/items?$expand=fields&$top=500`);
    expect(items.status).toBe(200);
    const value = items.body.value as Array<{ fields: { Title: string } }>;
    return { actions: value.map((i) => i.fields.Title), text: JSON.stringify(value) };
  }

  it("`node dist/cli.js data:subject-access --case` writes everything held about a child, and the access is audited", async () => {
    const referrals = await tenant.graphAsAdmin("GET", `/sites/${siteId}/lists?$filter=displayName eq '${ReferralsList.title}'&$select=id`);
    const listId = (referrals.body.value as Array<{ id: string }>)[0]?.id;
    const referral: ReferralItem = {
      settingId: "DOV-P1",
      districtSlug: "dover",
      variant: "school",
      status: "submitted",
      caseReference: CASE_REFERENCE,
      createdByOid: LEAD.oid,
      submittedAt: "2025-10-01T09:00:00Z",
      body: { child: { legalName: CHILD_NAME, dateOfBirth: "2017-03-03", yearGroup: "Y4" } },
      history: [{ at: "2025-10-01T09:00:00Z", action: "Submitted", byName: "Jo Bennett" }],
    };
    const added = await tenant.graphAsAdmin("POST", `/sites/${siteId}/lists/${listId}/items`, { fields: toFields(ReferralsList, referral, "create") });
    expect(added.status, JSON.stringify(added.body)).toBe(201);

    const out = path.join(dir, "subject-access");
    const { code, output } = await deployed(["data:subject-access", "--case", CASE_REFERENCE, "--out", out]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/referrals: 1\b/);
    const bundle = JSON.parse(fs.readFileSync(`${out}.json`, "utf8")) as { caseReference: string; sections: { referrals: Array<{ value: { body: { child: { legalName: string } } } }> } };
    expect(bundle.caseReference).toBe(CASE_REFERENCE);
    expect(bundle.sections.referrals[0]?.value.body.child.legalName).toBe(CHILD_NAME);
    expect(fs.readFileSync(`${out}.html`, "utf8")).toContain(CHILD_NAME);
    const trail = await auditTrail();
    expect(trail.actions).toContain("privacy.subject_access");
    expect(trail.text).not.toContain(CHILD_NAME);

    // A reference the site does not hold: a clear message and exit code 1; a malformed one: exit code 2.
    const unknown = await deployed(["data:subject-access", "--case", "DOV-2526-9999"]);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toMatch(/Nothing is held under case reference DOV-2526-9999/);
    const malformed = await deployed(["data:subject-access", "--case", "Rehearsal Child"]);
    expect(malformed.code).toBe(2);
    expect(malformed.output.trim().split("\n")).toHaveLength(1);
  }, 180_000);

  it("`node dist/cli.js data:retention` (a dry run) names no child and changes nothing", async () => {
    const { code, output } = await deployed(["data:retention", "--at", "2060-09-01"]);
    expect(code, output).toBe(0);
    expect(output).toContain("dry run (nothing changed");
    expect(output).not.toContain(CHILD_NAME);
    expect((await auditTrail()).actions).toContain("privacy.retention_previewed");
    const { code: again } = await deployed(["data:subject-access", "--case", CASE_REFERENCE, "--out", path.join(dir, "after-dry-run")]);
    expect(again).toBe(0);
    const after = JSON.parse(fs.readFileSync(path.join(dir, "after-dry-run.json"), "utf8")) as { sections: { referrals: Array<{ value: { body: { child: { legalName: string } } } }> } };
    expect(after.sections.referrals[0]?.value.body.child.legalName).toBe(CHILD_NAME);
  }, 180_000);
});
