/**
 * Bearer-token check. Mode "any" (the default, a development tool) accepts any non-empty bearer
 * token; mode "jwks" verifies signature, expiry and optionally issuer/audience against a JWKS
 * (the local identity provider). Failures are 401 InvalidAuthenticationToken ([§7.1](../../docs/reference/graph-sharepoint-lists.md#71-error-body)).
 */
import { createRemoteJWKSet, customFetch, jwtVerify } from "jose";
import { GraphErrors } from "./errors";

export type AuthOptions =
  | { mode: "any" }
  | {
      mode: "jwks";
      jwksUrl: string;
      issuer?: string;
      audience?: string;
      /**
       * The HTTP client for the JWKS (default global fetch): lets a caller trust an issuer served
       * over https with its own certificate without trusting it process-wide.
       */
      fetch?: typeof fetch;
    };

export class Authenticator {
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly options: AuthOptions) {
    if (options.mode === "jwks") {
      this.jwks = createRemoteJWKSet(new URL(options.jwksUrl), options.fetch ? { [customFetch]: options.fetch } : {});
    }
  }

  async check(authorization: string | undefined): Promise<void> {
    const match = /^Bearer\s+(.*)$/i.exec(authorization ?? "");
    const token = match?.[1]?.trim();
    if (!authorization || !token) throw GraphErrors.invalidAuthenticationToken("Access token is empty.");
    if (this.options.mode === "any" || !this.jwks) return;
    if (token.split(".").length !== 3) {
      // Graph's text for a token that is not a JWT.
      throw GraphErrors.invalidAuthenticationToken("IDX14100: JWT is not well formed, there are no dots (.).");
    }
    try {
      await jwtVerify(token, this.jwks, { issuer: this.options.issuer, audience: this.options.audience });
    } catch (err) {
      throw GraphErrors.invalidAuthenticationToken(`Access token validation failure. ${(err as Error).message}`);
    }
  }
}
