/**
 * The HTTP API client: JSON in and out, the session cookie sent by the browser, errors
 * turned into `ApiError` (status + code) so pages can say what went wrong in words.
 */
import type { z } from "zod/mini";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The server could not be reached at all (offline, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("network error", { cause });
    this.name = "NetworkError";
  }
}

/** The answer did not have the expected shape. */
export class ResponseShapeError extends Error {
  constructor(path: string, issues: string) {
    super(`unexpected answer from ${path}: ${issues}`);
    this.name = "ResponseShapeError";
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

function errorBody(value: unknown): { code: string; message: string } | null {
  if (typeof value !== "object" || value === null || !("error" in value)) return null;
  const error = value.error;
  if (typeof error !== "object" || error === null) return null;
  const code = "code" in error && typeof error.code === "string" ? error.code : "error";
  const message = "message" in error && typeof error.message === "string" ? error.message : "";
  return { code, message };
}

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) {
    let parsed: unknown = null;
    try {
      parsed = await response.json();
    } catch {
      // not JSON: keep the status alone
    }
    const detail = errorBody(parsed);
    throw new ApiError(
      response.status,
      detail?.code ?? `http_${response.status}`,
      detail?.message ?? response.statusText,
    );
  }
  return response;
}

async function json<T>(path: string, response: Response, schema: z.ZodMiniType<T>): Promise<T> {
  const data: unknown = await response.json();
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new ResponseShapeError(
      path,
      result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  }
  return result.data;
}

export const api = {
  async get<T>(path: string, schema: z.ZodMiniType<T>): Promise<T> {
    return json(path, await send("GET", path), schema);
  },
  async post<T>(path: string, body: unknown, schema: z.ZodMiniType<T>): Promise<T> {
    return json(path, await send("POST", path, body), schema);
  },
  async put<T>(path: string, body: unknown, schema: z.ZodMiniType<T>): Promise<T> {
    return json(path, await send("PUT", path, body), schema);
  },
  /** A state-changing request whose answer body is not needed. */
  async call(method: Exclude<Method, "GET">, path: string, body?: unknown): Promise<void> {
    await send(method, path, body ?? (method === "DELETE" ? undefined : {}));
  },
};

/** The address of a pôle in the API, below which its resources live. */
export const polePath = (poleId: string) => `/api/poles/${encodeURIComponent(poleId)}`;

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);
