import { routeUrl, type CallInput, type RouteContract, type ResponseOf } from "../../src/schemas/core/contract";
import type { Me as MeAnswer } from "../../src/schemas/core/api";

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
  /**
   * Calls a route of a contract (src/schemas/<feature>/api.ts): the path parameters, query and body
   * are typed by the contract, and so is the answer.
   */
  call<C extends RouteContract>(route: C, input: CallInput<C>): Promise<ResponseOf<C>>;
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
  /** GET a file (an export, a template) with the bearer token; errors as for JSON calls. */
  download(path: string, options?: RequestOptions): Promise<DownloadedFile>;
  /** POST a raw body (a CSV or XLSX upload) with its own Content-Type; a JSON answer. */
  upload<T>(path: string, body: Blob, contentType: string, options?: RequestOptions): Promise<T>;
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, when the server names the file. */
  filename?: string;
}

/** `attachment; filename="x.csv"` (or RFC 5987 `filename*=UTF-8''x.csv`) → x.csv. */
export function filenameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ""));
    } catch (error) {
      console.warn("LIFT Hub: unreadable filename* in Content-Disposition", error);
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  return plain ? (plain[2] ?? plain[1])?.trim() : undefined;
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
  const download = async (path: string, options: RequestOptions = {}): Promise<DownloadedFile> => {
    const token = await getToken();
    let response: Response;
    try {
      response = await fetch(path, { headers: { Authorization: `Bearer ${token}`, ...options.headers }, signal: options.signal });
    } catch (error) {
      console.warn(`LIFT Hub: download of ${path} failed`, error);
      throw new ApiError(0, "network_error", "Could not reach the LIFT Hub server. Check your connection and try again.");
    }
    if (!response.ok) {
      // Error answers are JSON in the project's error format: reuse requestJson's reading of them.
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch (error) {
        console.warn(`LIFT Hub: ${path} answered HTTP ${response.status} with non-JSON`, error);
      }
      if (isErrorBody(body)) {
        throw new ApiError(response.status, body.error.code, body.error.message, body.error.fieldErrors, body.error.detail);
      }
      throw new ApiError(response.status, "http_error", `The server could not complete the download (HTTP ${response.status}).`);
    }
    return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get("Content-Disposition")) };
  };
  const upload = async <T>(path: string, body: Blob, contentType: string, options: RequestOptions = {}): Promise<T> => {
    const token = await getToken();
    return requestJson<T>(path, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": contentType, ...options.headers },
      body,
      signal: options.signal,
    });
  };
  return {
    call: <C extends RouteContract>(route: C, input: CallInput<C>) =>
      request<ResponseOf<C>>(route.method, routeUrl(route, input), { body: input.body, signal: input.signal }),
    request,
    download,
    upload,
    get: (path, options) => request("GET", path, options),
    post: (path, body, options) => request("POST", path, { ...options, body }),
    patch: (path, body, options) => request("PATCH", path, { ...options, body }),
    put: (path, body, options) => request("PUT", path, { ...options, body }),
    delete: (path, options) => request("DELETE", path, options),
  };
}

/** GET /api/me (contract: src/schemas/core/api.ts) */
export type Me = MeAnswer;
