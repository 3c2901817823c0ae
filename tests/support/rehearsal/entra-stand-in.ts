/**
 * An Entra-shaped OpenID issuer for the production rehearsal, served over https on loopback:
 *   GET  /<tenant>/v2.0/.well-known/openid-configuration   discovery (msal-node and the app read it)
 *   GET  /<tenant>/discovery/v2.0/keys                      JWKS
 *   POST /<tenant>/oauth2/v2.0/token                        client credentials and on-behalf-of
 * `<tenant>` is any tenant id (or `botframework.com`, where Bot Framework bots get their tokens).
 * Tokens are v2 access tokens signed RS256 with one key: app-only ones carry `roles` and `idtyp:
 * app`, delegated ones `scp`. Clients are registered with a secret; a wrong one is `invalid_client`
 * as Entra answers it. Tests mint user tokens directly (what Teams SSO would hand the tab).
 */
import { randomUUID } from "node:crypto";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, createLocalJWKSet, type CryptoKey, type JWK, type JWTPayload } from "jose";
import type { TlsPair } from "./tls";

export interface RegisteredClient {
  secret: string;
  /** App roles granted to the app on any resource (e.g. Sites.Selected). */
  roles?: string[];
  /** The app's own audiences: an on-behalf-of assertion must be for one of them. */
  audiences?: string[];
}

export interface TokenRequest {
  tenant: string;
  grantType: string;
  clientId: string;
  scope: string;
}

export interface UserTokenInput {
  oid: string;
  upn: string;
  name: string;
  audience: string;
  tenant?: string;
  scp?: string;
  /** Overrides the issuer (default `<base>/<tenant>/v2.0`). */
  issuer?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
  azp?: string;
}

export interface EntraStandIn {
  /** What ENTRA_AUTHORITY_HOST is set to: https://127.0.0.1:<port>. */
  base: string;
  issuerOf(tenant: string): string;
  jwksUrl(tenant: string): string;
  requests: TokenRequest[];
  userToken(input: UserTokenInput): Promise<string>;
  /** Verifies a token this issuer minted (signature, expiry); returns its claims. */
  verify(token: string): Promise<JWTPayload>;
  stop(): Promise<void>;
}

const LIFETIME_SECONDS = 3600;

export async function startEntraStandIn(options: { tls: TlsPair; clients: Record<string, RegisteredClient> }): Promise<EntraStandIn> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, use: "sig", alg: "RS256" };
  const keySet = createLocalJWKSet({ keys: [publicJwk] });
  const requests: TokenRequest[] = [];
  let base = "";
  const issuerOf = (tenant: string) => `${base}/${tenant}/v2.0`;

  const sign = (claims: JWTPayload, key: CryptoKey = privateKey, expiresIn = LIFETIME_SECONDS) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ver: "2.0", ...claims })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid })
      .setIssuedAt(now - (expiresIn < 0 ? LIFETIME_SECONDS : 0))
      .setNotBefore(now - (expiresIn < 0 ? LIFETIME_SECONDS : 0))
      .setExpirationTime(now + expiresIn)
      .setJti(randomUUID())
      .sign(key);
  };

  const tokenResponse = (accessToken: string) => ({ token_type: "Bearer", expires_in: LIFETIME_SECONDS, ext_expires_in: LIFETIME_SECONDS, access_token: accessToken });
  const oauthError = (error: string, description: string) => ({ error, error_description: description, error_codes: [], timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID() });
  /** `https://host/.default` → `https://host`: the resource the token is for. */
  const resourceOf = (scope: string) => scope.split(" ").find((s) => s.endsWith("/.default"))?.replace(/\/\.default$/, "");

  async function token(tenant: string, form: URLSearchParams): Promise<{ status: number; body: unknown }> {
    const clientId = form.get("client_id") ?? "";
    const grantType = form.get("grant_type") ?? "";
    const scope = form.get("scope") ?? "";
    requests.push({ tenant, grantType, clientId, scope });
    const client = options.clients[clientId];
    if (!client) return { status: 400, body: oauthError("unauthorized_client", `AADSTS700016: Application with identifier '${clientId}' was not found in the directory.`) };
    if (form.get("client_secret") !== client.secret) return { status: 401, body: oauthError("invalid_client", "AADSTS7000215: Invalid client secret provided.") };
    const resource = resourceOf(scope);
    if (!resource) return { status: 400, body: oauthError("invalid_scope", "AADSTS1002012: The provided value for scope is not valid: a client credential or on-behalf-of request needs <resource>/.default.") };

    if (grantType === "client_credentials") {
      const accessToken = await sign({ iss: issuerOf(tenant), aud: resource, tid: tenant, oid: clientId, sub: clientId, azp: clientId, appid: clientId, idtyp: "app", roles: client.roles ?? [] });
      return { status: 200, body: tokenResponse(accessToken) };
    }
    if (grantType === "urn:ietf:params:oauth:grant-type:jwt-bearer" && form.get("requested_token_use") === "on_behalf_of") {
      let user: JWTPayload;
      try {
        ({ payload: user } = await jwtVerify(form.get("assertion") ?? "", keySet, { issuer: issuerOf(tenant), audience: client.audiences ?? [clientId] }));
      } catch (error) {
        return { status: 400, body: oauthError("invalid_grant", `AADSTS50013: Assertion failed signature validation or is not for this app. ${(error as Error).message}`) };
      }
      const accessToken = await sign({ iss: issuerOf(tenant), aud: resource, tid: tenant, oid: user.oid, sub: user.sub, name: user.name, preferred_username: user.preferred_username, azp: clientId, scp: "User.Read", idtyp: "user" });
      return { status: 200, body: tokenResponse(accessToken) };
    }
    return { status: 400, body: oauthError("unsupported_grant_type", `AADSTS70003: The app requested an unsupported grant type '${grantType}'.`) };
  }

  const server = https.createServer({ cert: options.tls.cert, key: options.tls.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
        res.end(JSON.stringify(body));
      };
      const url = new URL(req.url ?? "/", base);
      const [tenant, ...rest] = url.pathname.split("/").filter(Boolean);
      const route = rest.join("/");
      if (!tenant) return send(404, oauthError("not_found", "No tenant in the path."));
      if (req.method === "GET" && route === "v2.0/.well-known/openid-configuration") {
        return send(200, {
          issuer: issuerOf(tenant),
          authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
          token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
          device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
          end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
          response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
          subject_types_supported: ["pairwise"],
          id_token_signing_alg_values_supported: ["RS256"],
          token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
          scopes_supported: ["openid", "profile", "email", "offline_access"],
          tenant_region_scope: "EU",
        });
      }
      if (req.method === "GET" && route === "discovery/v2.0/keys") return send(200, { keys: [publicJwk] });
      if (req.method === "POST" && route === "oauth2/v2.0/token") {
        token(tenant, new URLSearchParams(Buffer.concat(chunks).toString("utf8"))).then(
          ({ status, body }) => send(status, body),
          (error: unknown) => send(500, oauthError("server_error", (error as Error).message)),
        );
        return;
      }
      send(404, oauthError("not_found", `No route ${req.method} ${url.pathname}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    base,
    issuerOf,
    jwksUrl: (tenant) => `${base}/${tenant}/discovery/v2.0/keys`,
    requests,
    userToken: (input) =>
      sign(
        {
          iss: input.issuer ?? issuerOf(input.tenant ?? ""),
          aud: input.audience,
          tid: input.tenant,
          oid: input.oid,
          sub: input.oid,
          name: input.name,
          preferred_username: input.upn,
          scp: input.scp ?? "access_as_user",
          azp: input.azp ?? "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
        },
        privateKey,
        input.expiresIn ?? LIFETIME_SECONDS,
      ),
    verify: async (token) => (await jwtVerify(token, keySet)).payload,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
