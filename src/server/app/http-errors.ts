import type { ErrorRequestHandler, RequestHandler } from "express";
import { AppError } from "../../errors";
import type { Logger } from "../core/logger";

/**
 * The one error format of the JSON API:
 *   { "error": { "code": "validation_failed", "message": "…", "fieldErrors": { "child.dateOfBirth": ["…"] } } }
 * `AppError` is translated here and nowhere else.
 */
export interface ApiErrorBody {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]>; detail?: unknown };
}

/** What a caller is told when the fault is ours or upstream: the details go to the log only. */
const SERVER_MESSAGES: Partial<Record<string, string>> = {
  upstream_failed: "SharePoint could not complete the request. Nothing more was changed; try again in a moment.",
  config_invalid: "The app is not configured correctly. Ask your administrator.",
};

/** What a caller is told when SharePoint refused a request on our behalf (its own words go to the log). */
const UPSTREAM_MESSAGES: Partial<Record<string, string>> = {
  not_found: "The record was not found.",
  conflict: "The request conflicts with a record's state; reload and try again.",
  precondition_failed: "The record was changed by someone else; reload it and try again.",
  too_many_requests: "SharePoint is busy; try again in a moment.",
  bad_request: "SharePoint refused the request.",
};

export function toApiError(error: AppError): ApiErrorBody {
  // A 5xx message and detail can carry an upstream service's text or a whole record: never sent.
  if (error.status >= 500) {
    return { error: { code: error.code, message: SERVER_MESSAGES[error.code] ?? "Something went wrong on our side. The request was not completed." } };
  }
  // Graph's refusal passed on as ours: its message names lists, columns and ids; only the code goes out.
  if (error.upstream) {
    return { error: { code: error.code, message: UPSTREAM_MESSAGES[error.code] ?? "SharePoint refused the request." } };
  }
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      ...(error.detail !== undefined ? { detail: error.detail } : {}),
    },
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError("not_found", `There is no API route ${req.method} ${req.path}.`));
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let error: AppError;
    if (AppError.isAppError(err)) {
      error = err;
    } else if (isBodyParserError(err)) {
      // express.json() failures: malformed JSON, too large, wrong charset — the client's fault.
      error = new AppError(err.status === 413 ? "payload_too_large" : "bad_request", bodyParserMessage(err));
    } else if (isClientError(err)) {
      // The router's own refusals, e.g. a path value with a broken %-escape (`/api/referrals/%`),
      // which it marks 400: the client's fault, not ours.
      error = new AppError(err.status === 413 ? "payload_too_large" : "bad_request", err instanceof URIError ? "The request's address has a broken %-escape." : "The request could not be read.");
    } else {
      error = new AppError("internal", "Something went wrong on our side. The request was not completed.", { cause: err });
    }
    if (error.status >= 500) {
      log.error({ err, method: req.method, path: req.path, code: error.code }, "request failed");
    } else {
      log.info({ method: req.method, path: req.path, code: error.code, status: error.status, ...(error.upstream ? { upstream: error.upstream } : {}) }, "request refused");
    }
    if (res.headersSent) return;
    res.status(error.status).json(toApiError(error));
  };
}

function isBodyParserError(err: unknown): err is { status: number; type: string } {
  return typeof err === "object" && err !== null && "type" in err && "status" in err && typeof (err as { status: unknown }).status === "number";
}

function isClientError(err: unknown): err is { status: number } {
  if (typeof err !== "object" || err === null || !("status" in err)) return false;
  const status = (err as { status: unknown }).status;
  return typeof status === "number" && status >= 400 && status < 500;
}

function bodyParserMessage(err: { status: number; type: string }): string {
  switch (err.type) {
    case "entity.parse.failed":
      return "The request body is not valid JSON.";
    case "entity.too.large":
      return "The request body is too large.";
    case "encoding.unsupported":
    case "charset.unsupported":
      return "The request body's encoding is not supported; send UTF-8 JSON.";
    default:
      return "The request body could not be read.";
  }
}
