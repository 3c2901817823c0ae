/**
 * msal-node's authority settings for a tenant in the cloud at `authorityHost`. A host msal does not
 * know (a national cloud it has no metadata for, a test stand-in) is listed as a known authority so
 * msal reads that host's own discovery document instead of asking the public cloud about it (its
 * instance discovery goes to login.microsoftonline.com, which does not know the host and fails).
 */
import type { Configuration } from "@azure/msal-node";

export function msalAuthority(authorityHost: string, tenantId: string): Pick<Configuration["auth"], "authority" | "knownAuthorities"> {
  const host = authorityHost.replace(/\/+$/, "");
  return {
    authority: `${host}/${tenantId}`,
    ...(new URL(host).host === "login.microsoftonline.com" ? {} : { knownAuthorities: [new URL(host).host] }),
  };
}
