import type { RequestHandler } from "express";

/**
 * Pages are framed by Teams and other Microsoft 365 hosts, so the app must not send
 * X-Frame-Options; framing is limited with CSP `frame-ancestors` to those hosts instead
 * (learn.microsoft.com "Tab requirements": Content-Security-Policy frame-ancestors list).
 */
export const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://teams.cloud.microsoft",
  "https://*.cloud.microsoft",
  "https://*.teams.microsoft.us",
  "https://local.teams.office.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.microsoft365.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://*.sharepoint.com",
];

export function securityHeaders(options: { https: boolean }): RequestHandler {
  const csp = [
    "default-src 'self'",
    "script-src 'self' https://res.cdn.office.net",
    // Fluent UI (Griffel) injects style elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data: https://res-1.cdn.office.net https://res.cdn.office.net",
    "connect-src 'self' https://res.cdn.office.net https://*.microsoft.com https://*.microsoftonline.com https://*.office.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${TEAMS_FRAME_ANCESTORS.join(" ")}`,
  ].join("; ");
  return (_req, res, next) => {
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin-allow-popups");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (options.https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    res.removeHeader("X-Powered-By");
    next();
  };
}
