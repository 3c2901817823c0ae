/**
 * A small client for the LIFT Hub API. Every call sends `Authorization: Bearer <token>`; errors come
 * back as ApiError carrying the server's `{ error: { code, message, fieldErrors } }` so forms can
 * show field messages and pages can show `message` in a MessageBar.
 */

export interface ApiErrorBody {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]>; detail?: unknown };
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors?: Record<string, string[]>;
  /** The server's `error.detail` (e.g. a 409's nextMeeting, a 412's current record), unchecked. */
  readonly detail?: unknown;

  constructor(status: number, code: string, message: string, fieldErrors?: Record<string, string[]>, detail?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.detail = detail;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { message?: unknown }).message === "string" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

/** A human message for any error thrown while talking to the server. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}

/**
 * fetch + JSON with the project's error contract. Network failures and non-JSON answers become
 * ApiErrors with a readable message (code "network_error" / "bad_response").
 */
export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: "application/json", ...init.headers } });
  } catch (error) {
    console.warn(`LIFT Hub: request to ${url} failed`, error);
    throw new ApiError(0, "network_error", "Could not reach the LIFT Hub server. Check your connection and try again.");
  }
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch (error) {
      console.warn(`LIFT Hub: ${url} answered with non-JSON (HTTP ${response.status})`, error);
      throw new ApiError(
        response.status,
        "bad_response",
        `The server sent an unexpected answer (HTTP ${response.status}). Please try again later.`,
      );
    }
  }
  if (!response.ok) {
    if (isErrorBody(body)) {
      throw new ApiError(response.status, body.error.code, body.error.message, body.error.fieldErrors, body.error.detail);
    }
    throw new ApiError(response.status, "http_error", `The server could not complete the request (HTTP ${response.status}).`);
  }
  return body as T;
}

export type TokenSource = () => Promise<string>;

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
}

export function createApiClient(getToken: TokenSource): ApiClient {
  const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<T> => {
    const token = await getToken();
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    return requestJson<T>(path, { method, headers, body, signal: options.signal });
  };
  return {
    request,
    get: (path, options) => request("GET", path, options),
    post: (path, body, options) => request("POST", path, { ...options, body }),
    patch: (path, body, options) => request("PATCH", path, { ...options, body }),
    put: (path, body, options) => request("PUT", path, { ...options, body }),
    delete: (path, options) => request("DELETE", path, options),
  };
}

/** GET /api/me */
export interface Me {
  oid: string;
  upn: string;
  displayName: string;
  role: string;
  roleLabel: string;
  district?: { slug: string; name: string; code: string; area: string };
  setting?: { id: string; name: string; phase: string };
}
