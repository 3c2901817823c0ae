/**
 * On-behalf-of (OBO) exchange for production: turns the user's Teams SSO token into a Graph token
 * for that user. The app reads and writes the lists with its own app identity (Sites.Selected,
 * [principle 4](../../docs/reference/architecture.md#4-sharepoint-is-the-record-the-server-enforces-access)), so OBO is used only where Graph must act as the user (e.g. reading the
 * user's own meetings). Flow: learn.microsoft.com "Microsoft identity platform and OAuth 2.0
 * On-Behalf-Of flow"; Teams SSO: [teams-platform.md §3](../../docs/reference/teams-platform.md#3-tab-sso-and-on-behalf-of) — consent errors (AADSTS65001) mean the
 * tab must ask for consent, which we surface as a coded error the client can act on.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { ConfidentialClientApplication, type Configuration } from "@azure/msal-node";
import { graphScope } from "../graph/client";
import { msalAuthority } from "./msal-authority";
import { AppError } from "../errors";

export interface OnBehalfOfOptions {
  /** The Entra sign-in host of the tenant's cloud (ENTRA_AUTHORITY_HOST). */
  authorityHost: string;
  /** Microsoft Graph of that cloud (GRAPH_ENDPOINT): the default scope is its `.default`. */
  graphEndpoint: string;
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificatePath?: string;
}

export class OnBehalfOfTokenSource {
  private readonly msal: ConfidentialClientApplication;
  private readonly defaultScopes: string[];

  constructor(options: OnBehalfOfOptions, system?: Configuration["system"]) {
    this.defaultScopes = [graphScope(options.graphEndpoint)];
    const auth = {
      clientId: options.clientId,
      ...msalAuthority(options.authorityHost, options.tenantId),
      ...(options.clientSecret
        ? { clientSecret: options.clientSecret }
        : { clientCertificate: readCertificate(options.certificatePath) }),
    };
    this.msal = new ConfidentialClientApplication({ auth, ...(system ? { system } : {}) });
  }

  /** A Graph access token for the signed-in user, from their SSO token. */
  async graphTokenFor(userAssertion: string, scopes: string[] = this.defaultScopes): Promise<string> {
    try {
      const result = await this.msal.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes });
      if (!result?.accessToken) throw new AppError("upstream_failed", "Microsoft Entra ID returned no token.");
      return result.accessToken;
    } catch (error) {
      if (error instanceof AppError) throw error;
      const code = (error as { errorCode?: string }).errorCode ?? "";
      if (code === "invalid_grant" || code === "interaction_required" || /AADSTS65001/.test(String(error))) {
        throw new AppError("forbidden", "Consent is needed before LIFT Hub can act for you in Microsoft 365.", {
          detail: { consentRequired: true },
          cause: error,
        });
      }
      throw new AppError("upstream_failed", "Microsoft Entra ID could not issue a token.", { cause: error });
    }
  }
}

function readCertificate(certificatePath?: string) {
  if (!certificatePath) throw new AppError("config_invalid", "AAD_APP_CERTIFICATE_PATH or AAD_APP_CLIENT_SECRET is required.");
  const pem = fs.readFileSync(certificatePath, "utf8");
  const privateKey = /-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA )?PRIVATE KEY-----/.exec(pem)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!privateKey || !cert) {
    throw new AppError("config_invalid", "AAD_APP_CERTIFICATE_PATH must be a PEM file with the certificate and its private key.");
  }
  const der = Buffer.from(cert.replace(/-----[^-]+-----|\s/g, ""), "base64");
  return { thumbprintSha256: createHash("sha256").update(der).digest("hex"), privateKey, x5c: cert };
}
