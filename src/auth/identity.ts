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

export function createIdentity(config: AppConfig, options: { persistKey?: boolean } = {}): Identity {
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
  // Entra v2 tokens: issuer https://login.microsoftonline.com/{tid}/v2.0, keys from the common
  // discovery jwks_uri (learn.microsoft.com "Access tokens" — validate iss per tenant).
  const validator = new TokenValidator({
    issuer: "https://login.microsoftonline.com/{tenantid}/v2.0",
    audiences: [id.audience, id.clientId],
    allowedTenantIds: id.allowedTenantIds,
    requiredScope: ACCESS_SCOPE,
    jwks: { url: "https://login.microsoftonline.com/common/discovery/v2.0/keys" },
  });
  return { validator };
}
