/**
 * The local Teams host's server without a browser: its token endpoint refuses a request naming no
 * one with a field message, hands on the token source's answer (status and body) and records only
 * the tokens it handed out; the page's /api/host lists the users to sign in as.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, fetch as undiciFetch } from "undici";
import { createHostCert } from "../../src/teams-host/cert";
import { startTeamsHost, type RunningTeamsHost } from "../../src/teams-host/server";

// The host's certificate is self-signed: this client accepts it, as a dev browser is told to.
const insecure = new Agent({ connect: { rejectUnauthorized: false } });
let host: RunningTeamsHost;
const asked: string[] = [];

beforeAll(async () => {
  host = await startTeamsHost({
    appUrl: "http://localhost:1",
    cert: await createHostCert(),
    port: 0,
    tokens: {
      users: async () => [{ upn: "lead.dover@lift.local", displayName: "Helen Marsh", roleLabel: "District STLS lead" }],
      issue: async (upn) => {
        asked.push(upn);
        return upn === "lead.dover@lift.local"
          ? { status: 200, body: { access_token: `token-for-${upn}`, token_type: "Bearer", expires_in: 3600 } }
          : { status: 404, body: { error: { code: "not_found", message: `There is no demo user called ${upn}.` } } };
      },
    },
  });
});

afterAll(async () => {
  await host?.close();
  await insecure.close();
});

async function get(path: string): Promise<{ status: number; body: any }> {
  const res = await undiciFetch(`https://127.0.0.1:${host.port}${path}`, { dispatcher: insecure });
  return { status: res.status, body: await res.json() };
}

describe("local Teams host server", () => {
  it("a token request naming no one is a 400 with a message on the user field", async () => {
    const res = await get("/api/token");
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors.user[0]).toMatch(/sign-in name/);
    expect(asked).toEqual([]);
  });

  it("hands on the token source's answer and records only the tokens issued", async () => {
    const ok = await get("/api/token?user=lead.dover%40lift.local");
    expect(ok).toMatchObject({ status: 200, body: { access_token: "token-for-lead.dover@lift.local" } });
    const unknown = await get("/api/token?user=nobody%40lift.local");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("nobody@lift.local");
    expect(host.tokensIssued).toEqual(["lead.dover@lift.local"]);
  });

  it("/api/host lists the tab pages and the users to sign in as", async () => {
    const res = await get("/api/host");
    expect(res.body.users.map((u: { upn: string }) => u.upn)).toEqual(["lead.dover@lift.local"]);
    expect(res.body.pages.map((p: { slug: string }) => p.slug)).toEqual(expect.arrayContaining(["kpi-return", "config"]));
  });
});
