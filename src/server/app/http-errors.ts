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

export function toApiError(error: AppError): ApiErrorBody {
  // A 5xx message and detail can carry an upstream service's text or a whole record: never sent.
  if (error.status >= 500) {
    return { error: { code: error.code, message: SERVER_MESSAGES[error.code] ?? "Something went wrong on our side. The request was not completed." } };
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
    } else {
      error = new AppError("internal", "Something went wrong on our side. The request was not completed.", { cause: err });
    }
    if (error.status >= 500) {
      log.error({ err, method: req.method, path: req.path, code: error.code }, "request failed");
    } else {
      log.info({ method: req.method, path: req.path, code: error.code, status: error.status }, "request refused");
    }
    if (res.headersSent) return;
    res.status(error.status).json(toApiError(error));
  };
}

function isBodyParserError(err: unknown): err is { status: number; type: string } {
  return typeof err === "object" && err !== null && "type" in err && "status" in err && typeof (err as { status: unknown }).status === "number";
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
