import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalIdentityProvider } from "../../src/auth/local-identity-provider";
import { TokenValidator } from "../../src/auth/token-validator";
import { LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from "../../src/config/config";
import { DEMO_PEOPLE } from "../../src/domain/reference/people";
import { AppError } from "../../src/errors";
import type { Person } from "../../src/schemas/reference/person";
import { startTestApp } from "../support/test-app";

const senco = DEMO_PEOPLE.find((p) => p.upn === "senco.dover@lift.local") as Person;
const issuer = `https://login.lift.local/${LOCAL_TENANT_ID}/v2.0`;
const audience = `api://localhost/${LOCAL_CLIENT_ID}`;

function provider(overrides: Partial<ConstructorParameters<typeof LocalIdentityProvider>[0]> = {}) {
  return new LocalIdentityProvider({ issuer, tenantId: LOCAL_TENANT_ID, clientId: LOCAL_CLIENT_ID, audience, ...overrides });
}

describe("token validator (unit)", () => {
  const trusted = provider();
  const validator = new TokenValidator({
    issuer,
    audiences: [audience],
    allowedTenantIds: [LOCAL_TENANT_ID],
    requiredScope: "access_as_user",
    jwks: { keys: () => trusted.jwks() },
    clockToleranceSeconds: 0,
  });

  async function codeOf(promise: Promise<unknown>) {
    try {
      await promise;
    } catch (error) {
      if (error instanceof AppError) return `${error.status} ${error.code}`;
      throw error;
    }
    return "accepted";
  }

  it("accepts a valid token and reads the Entra-shaped claims", async () => {
    const { access_token } = await trusted.issue(senco);
    const verified = await validator.verify(access_token);
    expect(verified).toMatchObject({ oid: senco.oid, tid: LOCAL_TENANT_ID, upn: senco.upn, scopes: ["access_as_user"] });
    expect(verified.claims).toMatchObject({ iss: issuer, aud: audience, name: senco.displayName });
    expect(typeof verified.claims.exp).toBe("number");
  });

  it.each([
    ["expired", async () => (await trusted.issue(senco, { expiresInSeconds: -120 })).access_token, "401 token_expired"],
    ["wrong audience", async () => (await trusted.issue(senco, { claims: { aud: "api://elsewhere/app" } })).access_token, "401 token_wrong_audience"],
    ["bad signature (another key)", async () => (await provider().issue(senco)).access_token, "401 token_bad_signature"],
    ["wrong issuer", async () => (await trusted.issue(senco, { claims: { iss: "https://evil.example/v2.0" } })).access_token, "401 token_wrong_issuer"],
    ["unknown tenant", async () => (await trusted.issue(senco, { claims: { tid: "99999999-9999-9999-9999-999999999999" } })).access_token, "401 token_unknown_tenant"],
    ["missing scope", async () => (await trusted.issue(senco, { claims: { scp: "User.Read" } })).access_token, "403 token_missing_scope"],
    ["garbage", async () => "not.a.jwt", "401 token_invalid"],
  ])("rejects a token that is %s", async (_name, make, expected) => {
    expect(await codeOf(validator.verify(await make()))).toBe(expected);
  });

  it("rejects a token whose signature was tampered with after signing", async () => {
    const { access_token } = await trusted.issue(senco);
    const [h, p, s] = access_token.split(".");
    const payload = JSON.parse(Buffer.from(p ?? "", "base64url").toString());
    payload.oid = "ba390f28-47d9-57bd-ae36-3032e14f48a3";
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`;
    expect(await codeOf(validator.verify(forged))).toBe("401 token_bad_signature");
  });

  it("needs a Bearer Authorization header", async () => {
    expect(await codeOf(validator.verifyAuthorizationHeader(undefined))).toBe("401 token_missing");
    expect(await codeOf(validator.verifyAuthorizationHeader("Basic abc"))).toBe("401 token_invalid");
  });
});

describe("API authentication over HTTP", () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  const token = async (upn: string) => {
    const res = await fetch(`${app.url}/auth/local/token?as=${encodeURIComponent(upn)}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  };

  it("answers 401 with the error format when there is no token", async () => {
    const res = await fetch(`${app.url}/api/me`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "token_missing", message: expect.any(String) } });
  });

  it("answers 401 token_bad_signature for a token from another key", async () => {
    const forged = await provider().issue(senco);
    const res = await fetch(`${app.url}/api/me`, { headers: { authorization: `Bearer ${forged.access_token}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("token_bad_signature");
  });

  it("takes role, district and setting from the people data, not from the request", async () => {
    const bearer = await token("senco.dover@lift.local");
    const res = await fetch(`${app.url}/api/me?role=commissioner&district=thanet`, {
      method: "GET",
      headers: {
        authorization: `Bearer ${bearer}`,
        "x-role": "commissioner",
        "x-district": "thanet",
        "x-ms-client-principal-name": "commissioner@lift.local",
      },
    });
    expect(res.status).toBe(200);
    const me = (await res.json()) as { role: string; district: { slug: string }; setting: { id: string } };
    expect(me.role).toBe("senco");
    expect(me.district.slug).toBe("dover");
    expect(me.setting.id).toBe("DOV-P1");
  });

  it("ignores role claims added to a validly signed token", async () => {
    const running = app;
    const issued = await fetch(`${running.url}/auth/local/token?as=senco.dover@lift.local`);
    const { access_token } = (await issued.json()) as { access_token: string };
    const claims = JSON.parse(Buffer.from(access_token.split(".")[1] ?? "", "base64url").toString());
    expect(claims.roles).toBeUndefined();
    // The server only trusts oid; a token whose oid is unknown is refused even if well signed.
    const res = await fetch(`${running.url}/api/me`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(((await res.json()) as { role: string }).role).toBe("senco");
  });

  it("answers 404 for an unknown demo user and 400 without ?as=", async () => {
    expect((await fetch(`${app.url}/auth/local/token?as=nobody@lift.local`)).status).toBe(404);
    const res = await fetch(`${app.url}/auth/local/token`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.as).toBeDefined();
  });

  it("publishes the JWKS and an OpenID configuration", async () => {
    const jwks = (await (await fetch(`${app.url}/auth/local/keys`)).json()) as { keys: Array<{ kty: string; kid: string; d?: string }> };
    expect(jwks.keys[0]?.kty).toBe("RSA");
    expect(jwks.keys[0]?.d).toBeUndefined();
    const oidc = (await (await fetch(`${app.url}/auth/local/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
    expect(oidc.issuer).toBe(issuer);
    expect(oidc.jwks_uri).toMatch(/\/auth\/local\/keys$/);
  });

  it("answers unknown API routes with a 404 in the error format, and health without a token", async () => {
    const bearer = await token("commissioner@lift.local");
    const res = await fetch(`${app.url}/api/nothing-here`, { headers: { authorization: `Bearer ${bearer}` } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const bearer = await token("commissioner@lift.local");
    const res = await fetch(`${app.url}/api/me`, {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });

  it("sends security headers that let Teams frame the pages", async () => {
    const res = await fetch(`${app.url}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);
    expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/\*\.cloud\.microsoft/);
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("lists the tabs and demo users on the root page", async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    for (const tab of ["referral", "lift-meeting", "kpi-return", "summary"]) expect(html).toContain(`/tabs/${tab}`);
    expect(html).toContain("lead.tonbridge-and-malling@lift.local");
    expect(html).toContain("senco.thanet@lift.local");
  });

  it("serves the privacy notice and terms of use the manifest links to", async () => {
    for (const path of ["/privacy", "/terms"]) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/<h1>(Privacy notice|Terms of use)<\/h1>/);
    }
  });
});
