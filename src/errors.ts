/**
 * The one coded error type used inside the app. Features throw `AppError`; only the edges
 * (HTTP error middleware, bot turn handler, CLI entry points) translate it into a status code,
 * a Teams message or an exit code.
 */
export type ErrorCode =
  | "bad_request"
  | "payload_too_large"
  | "validation_failed"
  | "unauthenticated"
  | "token_missing"
  | "token_invalid"
  | "token_expired"
  | "token_bad_signature"
  | "token_wrong_issuer"
  | "token_wrong_audience"
  | "token_unknown_tenant"
  | "token_missing_scope"
  | "unknown_user"
  | "user_deactivated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "precondition_failed"
  | "too_many_requests"
  | "upstream_failed"
  | "audit_unavailable"
  | "config_invalid"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  payload_too_large: 413,
  validation_failed: 400,
  unauthenticated: 401,
  token_missing: 401,
  token_invalid: 401,
  token_expired: 401,
  token_bad_signature: 401,
  token_wrong_issuer: 401,
  token_wrong_audience: 401,
  token_unknown_tenant: 401,
  token_missing_scope: 403,
  unknown_user: 403,
  user_deactivated: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_many_requests: 429,
  upstream_failed: 502,
  // A change is refused when its audit entry cannot be written first (fail closed).
  audit_unavailable: 503,
  config_invalid: 500,
  internal: 500,
};

/** Field-level messages keyed by a dotted path into the submitted body, e.g. `child.dateOfBirth`. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors?: FieldErrors;
  /** Extra machine-readable detail for the client (e.g. the current version on a conflict). */
  readonly detail?: unknown;
  /**
   * What an upstream service (Graph) said, for the log and the command line only: an error that
   * carries it answers an API caller with a message of our own, never the service's.
   */
  readonly upstream?: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fieldErrors?: FieldErrors; detail?: unknown; cause?: unknown; upstream?: Readonly<Record<string, unknown>> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = STATUS[code];
    this.fieldErrors = options.fieldErrors;
    this.detail = options.detail;
    if (options.upstream) this.upstream = options.upstream;
  }

  static isAppError(value: unknown): value is AppError {
    return value instanceof AppError;
  }
}

/** A 400 with messages by field, worded as every form's error summary words it. */
export function invalidAnswers(fieldErrors: FieldErrors): AppError {
  return new AppError("validation_failed", "Some answers need attention.", { fieldErrors });
}

/** Turn zod issues into field-level messages, keyed by dotted path ("" for the whole body). */
export function fieldErrorsFromIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * A request body checked against its zod schema: the parsed value, or a 400 `validation_failed`
 * with the messages keyed by dotted path (a body that is not even an object answers under "body").
 */
export function parseBody<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } } }, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const fieldErrors = fieldErrorsFromIssues(result.error.issues);
  if (fieldErrors[""]) {
    fieldErrors.body = fieldErrors[""];
    delete fieldErrors[""];
  }
  throw new AppError("validation_failed", "The request is not valid.", { fieldErrors });
}
