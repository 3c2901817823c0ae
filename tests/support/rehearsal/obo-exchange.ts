/**
 * Runs the app's on-behalf-of exchange (src/auth/on-behalf-of.ts) once, in a process of its own so
 * the stand-in issuer's certificate is trusted as in the app: through NODE_EXTRA_CA_CERTS. Reads
 * the tenant settings from the environment (as the app does) and the user's token from
 * OBO_ASSERTION; prints the Graph token it got, or the error code and exits 1.
 */
import { OnBehalfOfTokenSource } from "../../../src/auth/on-behalf-of";
import { loadConfig } from "../../../src/config/config";
import { AppError } from "../../../src/errors";

const config = loadConfig(process.env);
if (config.identity.mode !== "entra" || config.graph.mode !== "tenant") throw new Error("tenant mode expected");
const source = new OnBehalfOfTokenSource({
  authorityHost: config.identity.authorityHost,
  graphEndpoint: config.graph.endpoint,
  tenantId: config.identity.tenantId,
  clientId: config.identity.clientId,
  ...(config.identity.clientSecret ? { clientSecret: config.identity.clientSecret } : {}),
});
source.graphTokenFor(process.env.OBO_ASSERTION ?? "").then(
  (token) => console.log(token),
  (error: unknown) => {
    console.log(AppError.isAppError(error) ? error.code : String(error));
    process.exit(1);
  },
);
