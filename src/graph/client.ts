/**
 * The one place that decides where Graph calls go: the local emulator (HTTPS, its own CA) or
 * Microsoft Graph with app-only credentials against the configured tenant.
 */
import { readFileSync } from "node:fs";
import { X509Certificate, createPrivateKey } from "node:crypto";
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  TelemetryHandler,
  type AuthenticationProvider,
  type Middleware,
} from "@microsoft/microsoft-graph-client";
import { ConfidentialClientApplication, type Configuration } from "@azure/msal-node";
import { Agent } from "undici";
import type { AppConfig } from "../config/config";
import { msalAuthority } from "../auth/msal-authority";
import { AppError } from "../errors";

/** Where a running emulator is and the certificate it serves (GraphEmulator.start()). */
export interface EmulatorEndpoint {
  url: string;
  ca: string;
}

/** A Graph client plus what the store needs to know about where it points. */
export interface GraphConnection {
  client: Client;
  /** Absolute base for building `$batch` step URLs and recognising our own nextLinks. */
  baseUrl: string;
  mode: "emulator" | "tenant";
  /** Options for plain requests to URLs Graph hands out (upload sessions): the emulator's trusted CA. */
  fetchOptions?: { dispatcher?: Agent };
}

/** App-only scope of a Graph endpoint: everything the app was granted on it. */
export const graphScope = (endpoint: string) => `${endpoint.replace(/\/+$/, "")}/.default`;
/** The emulator accepts any bearer token (src/emulator/auth.ts, mode "any"). */
const EMULATOR_TOKEN = "lift-hub-emulator-token";

/**
 * The middleware chain without the SDK's RetryHandler: retries live in retry.ts because the SDK's
 * handler cannot see `$batch` sub-responses and cannot be shortened for tests ([§8.4](../../docs/reference/graph-sharepoint-lists.md#84-retryhandler)). The
 * RedirectHandler is left out too: Graph list endpoints do not redirect, and the SDK drops it under
 * ESM anyway ([§8.2](../../docs/reference/graph-sharepoint-lists.md#82-default-middleware-chain)).
 */
function middlewareChain(authProvider: AuthenticationProvider): Middleware[] {
  return [new AuthenticationHandler(authProvider), new TelemetryHandler(), new HTTPMessageHandler()];
}

/** A client for a running emulator: HTTPS with its certificate trusted for this client only. */
export function createEmulatorClient(endpoint: EmulatorEndpoint): GraphConnection {
  const baseUrl = endpoint.url.replace(/\/+$/, "") + "/";
  const dispatcher = new Agent({ connect: { ca: endpoint.ca } });
  const client = Client.initWithMiddleware({
    middleware: middlewareChain({ getAccessToken: async () => EMULATOR_TOKEN }),
    baseUrl,
    defaultVersion: "v1.0",
    // [§8.1](../../docs/reference/graph-sharepoint-lists.md#81-initialisation-base-url-and-customhosts): customHosts strips the port before comparing, so "localhost" matches https://localhost:N;
    // without it the AuthenticationHandler drops the bearer token for non-Graph hosts.
    customHosts: new Set([new URL(baseUrl).hostname]),
    // Trust the emulator's self-signed certificate for these requests only; TLS stays verified.
    fetchOptions: { dispatcher } as RequestInit,
  });
  return { client, baseUrl, mode: "emulator", fetchOptions: { dispatcher } };
}

export interface TenantCredentials {
  /** The Entra sign-in host of the tenant's cloud (ENTRA_AUTHORITY_HOST). */
  authorityHost: string;
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  /** PEM file holding the certificate and its private key. */
  certificatePath?: string;
}

/** An msal-node client-credentials provider; msal caches the token until shortly before expiry. */
export function msalAuthProvider(
  creds: TenantCredentials,
  options: { scope: string; system?: Configuration["system"] },
): AuthenticationProvider {
  const auth: Configuration["auth"] = { clientId: creds.clientId, ...msalAuthority(creds.authorityHost, creds.tenantId) };
  if (creds.clientSecret) auth.clientSecret = creds.clientSecret;
  else if (creds.certificatePath) auth.clientCertificate = certificateCredential(creds.certificatePath);
  else throw new AppError("config_invalid", "A client secret or a certificate is needed to call Microsoft Graph as the app.");
  const app = new ConfidentialClientApplication({ auth, ...(options.system ? { system: options.system } : {}) });
  return {
    getAccessToken: async () => {
      const result = await app.acquireTokenByClientCredential({ scopes: [options.scope] });
      if (!result?.accessToken) throw new AppError("upstream_failed", "Microsoft Entra ID returned no access token for Graph.");
      return result.accessToken;
    },
  };
}

function certificateCredential(path: string): { thumbprintSha256: string; privateKey: string; x5c: string } {
  let pem: string;
  try {
    pem = readFileSync(path, "utf8");
  } catch (err) {
    throw new AppError("config_invalid", `AAD_APP_CERTIFICATE_PATH: cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!certPem) throw new AppError("config_invalid", `AAD_APP_CERTIFICATE_PATH: ${path} holds no PEM certificate.`);
  const cert = new X509Certificate(certPem);
  const privateKey = createPrivateKey(pem).export({ format: "pem", type: "pkcs8" }).toString();
  return { thumbprintSha256: cert.fingerprint256.replace(/:/g, ""), privateKey, x5c: certPem };
}

/**
 * A client for Microsoft Graph at `endpoint` (GRAPH_ENDPOINT: the tenant's cloud) with app-only
 * (client-credentials) tokens for that endpoint. `system` reaches msal-node (tests give it a network
 * client standing in for Entra ID).
 */
export function createTenantClient(creds: TenantCredentials, endpoint: string, options: { system?: Configuration["system"] } = {}): GraphConnection {
  const baseUrl = endpoint.replace(/\/+$/, "") + "/";
  const client = Client.initWithMiddleware({
    middleware: middlewareChain(msalAuthProvider(creds, { scope: graphScope(endpoint), ...options })),
    baseUrl,
    defaultVersion: "v1.0",
    // The SDK attaches the token only for the Graph hosts it knows (the public and national clouds);
    // name this endpoint's host so a cloud it does not list still gets it ([§8.1](../../docs/reference/graph-sharepoint-lists.md#81-initialisation-base-url-and-customhosts)).
    customHosts: new Set([new URL(baseUrl).hostname]),
  });
  return { client, baseUrl, mode: "tenant" };
}

/**
 * The Graph client for this configuration. Emulator mode needs the running emulator's URL and
 * certificate; tenant mode needs the Entra app's credentials (config.identity in entra mode).
 */
export function createGraphClient(config: AppConfig, options: { emulator?: EmulatorEndpoint } = {}): GraphConnection {
  if (config.graph.mode === "emulator") {
    if (!options.emulator) {
      throw new AppError("config_invalid", "The Graph emulator's URL and certificate are needed in local mode (start the emulator first).");
    }
    return createEmulatorClient(options.emulator);
  }
  const id = config.identity;
  if (id.mode !== "entra") throw new AppError("config_invalid", "Tenant mode needs ENTRA_TENANT_ID and the app's credentials.");
  return createTenantClient(
    { authorityHost: id.authorityHost, tenantId: id.tenantId, clientId: id.clientId, clientSecret: id.clientSecret, certificatePath: id.certificatePath },
    config.graph.endpoint,
  );
}
