/**
 * One validator for both issuers (Microsoft Entra ID and the local identity provider): signature
 * against the issuer's JWKS, issuer, audience, expiry, tenant allow-list and the delegated scope.
 * Each failure maps to its own error code so clients and tests can tell them apart.
 */
import { createLocalJWKSet, createRemoteJWKSet, customFetch, errors, jwtVerify, type JWK, type JWTPayload } from "jose";
import { AppError } from "../errors";

export interface TokenValidatorOptions {
  /** Expected issuer; `{tenantid}` is replaced by the token's `tid` (Entra multi-tenant form). */
  issuer: string;
  audiences: string[];
  allowedTenantIds: string[];
  /** Scope the tab's token must carry (Teams SSO: access_as_user). */
  requiredScope?: string;
  /**
   * Where the signing keys are: a JWKS URL, the issuer's OpenID discovery document (its `jwks_uri`,
   * read once on first use), or a local key set.
   */
  jwks: { url: string } | { discoveryUrl: string } | { keys: () => Promise<{ keys: JWK[] }> };
  /** The HTTP client for discovery and keys (tests stand in for the issuer); default global fetch. */
  fetch?: typeof fetch;
  /** Seconds of clock skew tolerated. */
  clockToleranceSeconds?: number;
}

export interface VerifiedToken {
  oid: string;
  tid: string;
  upn?: string;
  name?: string;
  scopes: string[];
  claims: JWTPayload;
}

export class TokenValidator {
  private readonly getKey: Parameters<typeof jwtVerify>[1];
  private localKeys?: Awaited<ReturnType<typeof createLocalJWKSet>>;

  constructor(private readonly options: TokenValidatorOptions) {
    const source = options.jwks;
    const fetchImpl = options.fetch;
    const remote = (url: string) =>
      createRemoteJWKSet(new URL(url), fetchImpl ? { [customFetch]: fetchImpl } : {}) as Parameters<typeof jwtVerify>[1];
    if ("url" in source) {
      this.getKey = remote(source.url);
    } else if ("discoveryUrl" in source) {
      let keys: Promise<Parameters<typeof jwtVerify>[1]> | undefined;
      this.getKey = (async (header: Parameters<ReturnType<typeof createLocalJWKSet>>[0], token: Parameters<ReturnType<typeof createLocalJWKSet>>[1]) => {
        keys ??= discoverJwksUri(source.discoveryUrl, fetchImpl ?? fetch).then(remote);
        // A failed discovery is retried on the next token rather than cached for the process's life.
        keys.catch(() => (keys = undefined));
        const getKey = (await keys) as (h: typeof header, t: typeof token) => ReturnType<ReturnType<typeof createLocalJWKSet>>;
        return getKey(header, token);
      }) as Parameters<typeof jwtVerify>[1];
    } else {
      this.getKey = (async (header: Parameters<ReturnType<typeof createLocalJWKSet>>[0], token: Parameters<ReturnType<typeof createLocalJWKSet>>[1]) => {
        this.localKeys ??= createLocalJWKSet(await source.keys());
        return this.localKeys(header, token);
      }) as Parameters<typeof jwtVerify>[1];
    }
  }

  /** Validate a bearer token from an Authorization header value. */
  async verifyAuthorizationHeader(header: string | undefined): Promise<VerifiedToken> {
    if (!header) throw new AppError("token_missing", "Sign in to continue: the request has no access token.");
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) throw new AppError("token_invalid", "The Authorization header must be 'Bearer <token>'.");
    return this.verify(match[1]);
  }

  async verify(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.getKey, {
        audience: this.options.audiences,
        algorithms: ["RS256"],
        clockTolerance: this.options.clockToleranceSeconds ?? 60,
      }));
    } catch (error) {
      throw mapJoseError(error);
    }
    const tid = typeof payload.tid === "string" ? payload.tid : "";
    const expectedIssuer = this.options.issuer.replace("{tenantid}", tid);
    if (payload.iss !== expectedIssuer) {
      throw new AppError("token_wrong_issuer", "The access token was issued by an issuer this app does not trust.");
    }
    if (!tid || !this.options.allowedTenantIds.map((t) => t.toLowerCase()).includes(tid.toLowerCase())) {
      throw new AppError("token_unknown_tenant", "The access token is from a tenant this app does not serve.");
    }
    const oid = typeof payload.oid === "string" ? payload.oid : "";
    if (!oid) throw new AppError("token_invalid", "The access token has no object id (oid) claim.");
    const scopes = typeof payload.scp === "string" ? payload.scp.split(" ").filter(Boolean) : [];
    if (this.options.requiredScope && !scopes.includes(this.options.requiredScope)) {
      throw new AppError("token_missing_scope", `The access token lacks the '${this.options.requiredScope}' scope.`);
    }
    return {
      oid,
      tid,
      upn: typeof payload.preferred_username === "string" ? payload.preferred_username : undefined,
      name: typeof payload.name === "string" ? payload.name : undefined,
      scopes,
      claims: payload,
    };
  }
}

/** The `jwks_uri` of an OpenID Connect discovery document (OpenID Connect Discovery 1.0 §3). */
async function discoverJwksUri(discoveryUrl: string, fetchImpl: typeof fetch): Promise<string> {
  let doc: unknown;
  try {
    const res = await fetchImpl(discoveryUrl, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    doc = await res.json();
  } catch (error) {
    throw new AppError("upstream_failed", "The sign-in service's discovery document could not be read.", { cause: error });
  }
  const uri = (doc as { jwks_uri?: unknown } | null)?.jwks_uri;
  if (typeof uri !== "string" || !/^https?:\/\//.test(uri)) {
    throw new AppError("upstream_failed", "The sign-in service's discovery document has no jwks_uri.");
  }
  return uri;
}

function mapJoseError(error: unknown): AppError {
  if (error instanceof errors.JWTExpired) {
    return new AppError("token_expired", "The access token has expired: sign in again.", { cause: error });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AppError("token_bad_signature", "The access token's signature is not valid.", { cause: error });
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") {
      return new AppError("token_wrong_audience", "The access token is meant for a different application.", { cause: error });
    }
    if (error.claim === "iss") {
      return new AppError("token_wrong_issuer", "The access token was issued by an issuer this app does not trust.", { cause: error });
    }
    if (error.claim === "nbf") {
      return new AppError("token_invalid", "The access token is not valid yet.", { cause: error });
    }
  }
  return new AppError("token_invalid", "The access token could not be read.", { cause: error });
}
