/**
 * The Bot Framework channel's token issuer for the rehearsal, over https on loopback: what
 * BOT_OPENID_METADATA_URL points at.
 *   GET /v1/.well-known/openidconfiguration   the channel's OpenID metadata
 *   GET /v1/keys                              its JWKS, each key endorsed for the msteams channel
 * Teams signs each activity it posts to the bot with a token from this issuer: `iss` the channel
 * issuer (BOT_TOKEN_ISSUER), `aud` the bot's app id, `serviceurl` the activity's serviceUrl.
 * The connector the bot answers to is tests/support/local-connector.ts served over https.
 */
import { randomUUID } from "node:crypto";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import type { TlsPair } from "./tls";

export interface BotChannelStandIn {
  /** BOT_OPENID_METADATA_URL. */
  metadataUrl: string;
  /** A channel token for an activity to the bot `botId` carrying `serviceUrl`. */
  activityToken(input: { botId: string; serviceUrl: string }): Promise<string>;
  stop(): Promise<void>;
}

export async function startBotChannelStandIn(options: { tls: TlsPair; issuer: string }): Promise<BotChannelStandIn> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  // Bot Framework keys list the channels they may sign for; the SDK checks the activity's channel.
  const publicJwk: JWK & { endorsements: string[] } = { ...(await exportJWK(publicKey)), kid, use: "sig", endorsements: ["msteams"] };
  let base = "";

  const server = https.createServer({ cert: options.tls.cert, key: options.tls.key }, (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? "/", base).pathname;
    if (req.method === "GET" && path === "/v1/.well-known/openidconfiguration") {
      return send(200, {
        issuer: options.issuer,
        authorization_endpoint: `${base}/v1/auth`,
        jwks_uri: `${base}/v1/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      });
    }
    if (req.method === "GET" && path === "/v1/keys") return send(200, { keys: [publicJwk] });
    send(404, { error: { code: "NotFound", message: `No route ${req.method} ${path}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    activityToken: ({ botId, serviceUrl }) =>
      new SignJWT({ serviceurl: serviceUrl })
        .setProtectedHeader({ alg: "RS256", typ: "JWT", kid })
        .setIssuer(options.issuer)
        .setAudience(botId)
        .setNotBefore(Math.floor(Date.now() / 1000) - 5)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + 3600)
        .sign(privateKey),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
