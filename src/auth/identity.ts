/**
 * The one place that picks the identity implementation from configuration: the local identity
 * provider (no tenant configured) or Microsoft Entra ID. Both feed the same `TokenValidator`.
 */
import path from "node:path";
import type { AppConfig } from "../config/config";
import { LocalIdentityProvider } from "./local-identity-provider";
import { TokenValidator } from "./token-validator";

export const LOCAL_ISSUER_BASE = "https://login.lift.local";
export const ACCESS_SCOPE = "access_as_user";

export interface Identity {
  validator: TokenValidator;
  /** Present only in local mode. */
  localProvider?: LocalIdentityProvider;
}

export function createIdentity(config: AppConfig, options: { persistKey?: boolean; fetch?: typeof fetch } = {}): Identity {
  const id = config.identity;
  if (id.mode === "local") {
    const localProvider = new LocalIdentityProvider({
      issuer: `${LOCAL_ISSUER_BASE}/${id.tenantId}/v2.0`,
      tenantId: id.tenantId,
      clientId: id.clientId,
      audience: id.audience,
      keyFile: options.persistKey === false ? undefined : path.join(config.dataDir, "local-idp-key.json"),
    });
    const validator = new TokenValidator({
      issuer: localProvider.issuer,
      audiences: [id.audience, id.clientId],
      allowedTenantIds: [id.tenantId],
      requiredScope: ACCESS_SCOPE,
      jwks: { keys: () => localProvider.jwks() },
    });
    return { validator, localProvider };
  }
  // Entra v2 tokens: issuer <authority host>/{tid}/v2.0, keys from the jwks_uri of the tenant's
  // discovery document (learn.microsoft.com "Access tokens" — validate iss per tenant). The host is
  // the tenant's cloud (ENTRA_AUTHORITY_HOST): login.microsoftonline.com, .us, a national cloud.
  const validator = new TokenValidator({
    issuer: `${id.authorityHost}/{tenantid}/v2.0`,
    audiences: [id.audience, id.clientId],
    allowedTenantIds: id.allowedTenantIds,
    requiredScope: ACCESS_SCOPE,
    jwks: { discoveryUrl: `${id.authorityHost}/${id.tenantId}/v2.0/.well-known/openid-configuration` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return { validator };
}
