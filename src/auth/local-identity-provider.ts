/**
 * The local identity provider: used when no Entra tenant is configured. It signs RS256 JWTs shaped
 * like Microsoft Entra ID v2 access tokens (iss, aud, tid, oid, name, preferred_username, scp, exp)
 * and publishes its JWKS, so the server validates local tokens with exactly the code it uses for
 * Entra tokens ([principle 1](../../docs/reference/architecture.md#1-one-code-path-local-and-production)).
 */
import fs from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type CryptoKey } from "jose";
import type { Person } from "../schemas/reference/person";

export interface LocalIdentityProviderOptions {
  /** Issuer URL; tokens carry it as `iss` and the validator expects it. */
  issuer: string;
  tenantId: string;
  /** The client id of the app the tokens are for (`azp`/`appid`). */
  clientId: string;
  audience: string;
  /** Keep the signing key here so tokens survive a restart; omit for an in-memory key. */
  keyFile?: string;
  /** Token lifetime in seconds (Entra's default for access tokens is 60–90 minutes). */
  lifetimeSeconds?: number;
}

export interface IssuedToken {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
}

export class LocalIdentityProvider {
  private key?: { privateKey: CryptoKey; publicJwk: JWK };
  constructor(readonly options: LocalIdentityProviderOptions) {}

  get issuer() {
    return this.options.issuer;
  }

  /** The public keys in JWKS form, as served at the provider's jwks_uri. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const { publicJwk } = await this.signingKey();
    return { keys: [publicJwk] };
  }

  /** OpenID Connect discovery document, so standard tooling can find the keys. */
  openIdConfiguration(jwksUri: string) {
    return {
      issuer: this.options.issuer,
      jwks_uri: jwksUri,
      id_token_signing_alg_values_supported: ["RS256"],
      token_endpoint_auth_methods_supported: ["none"],
      response_types_supported: ["token"],
      subject_types_supported: ["pairwise"],
    };
  }

  async issue(person: Person, overrides: { expiresInSeconds?: number; claims?: Record<string, unknown> } = {}): Promise<IssuedToken> {
    const { privateKey, publicJwk } = await this.signingKey();
    const lifetime = overrides.expiresInSeconds ?? this.options.lifetimeSeconds ?? 3600;
    const now = Math.floor(Date.now() / 1000);
    // Overrides go last so tests can mint tokens that are wrong in exactly one claim.
    const token = await new SignJWT({
      iss: this.options.issuer,
      aud: this.options.audience,
      sub: person.oid,
      iat: now,
      nbf: now - 5,
      exp: now + lifetime,
      tid: this.options.tenantId,
      oid: person.oid,
      name: person.displayName,
      preferred_username: person.upn,
      scp: "access_as_user",
      azp: this.options.clientId,
      ver: "2.0",
      ...overrides.claims,
    })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: publicJwk.kid })
      .sign(privateKey);
    return { access_token: token, token_type: "Bearer", expires_in: lifetime };
  }

  private async signingKey() {
    if (this.key) return this.key;
    const file = this.options.keyFile;
    if (file && fs.existsSync(file)) {
      const stored = JSON.parse(fs.readFileSync(file, "utf8")) as { privateJwk: JWK; publicJwk: JWK };
      const privateKey = (await importJWK(stored.privateJwk, "RS256")) as CryptoKey;
      this.key = { privateKey, publicJwk: stored.publicJwk };
      return this.key;
    }
    const pair = await generateKeyPair("RS256", { extractable: true });
    const kid = `local-${Date.now().toString(36)}`;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg: "RS256", use: "sig" };
    if (file) {
      const privateJwk = await exportJWK(pair.privateKey);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
    }
    this.key = { privateKey: pair.privateKey, publicJwk };
    return this.key;
  }
}
