// One way to call the shop's API through the gateway (/api/<service>/...):
// JSON in and out, RFC 9457 problems turned into ApiError, the signed-in
// user's access token attached when there is one.

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  field?: string;
  [extension: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }

  // "/problems/insufficient-stock" -> "insufficient-stock"
  get code(): string {
    return this.problem.type.replace(/^\/problems\//, "");
  }
}

type AccessTokenSource = () => string | undefined;
let accessToken: AccessTokenSource = () => undefined;

// The auth layer tells the client where the current access token is.
export function setAccessTokenSource(source: AccessTokenSource): void {
  accessToken = source;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown; // sent as JSON
  rawBody?: Blob; // sent as it is (uploads), with its own Content-Type
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export const apiBase = "/api";

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "type" in value && "status" in value;
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const body: unknown = JSON.parse(text);
    if (isProblem(body)) return body;
  } catch {
    // not JSON: described below from the status alone
  }
  return {
    type: "/problems/unexpected-response",
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: `The shop answered ${response.status} ${response.statusText}`.trim(),
  };
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  const token = accessToken();
  if (token && !headers.Authorization) headers.Authorization = `Bearer ${token}`;
  let body: string | Blob | undefined;
  if (options.rawBody !== undefined) {
    headers["Content-Type"] ??= options.rawBody.type || "application/octet-stream";
    body = options.rawBody;
  } else if (options.body !== undefined) {
    headers["Content-Type"] ??= "application/json";
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(apiBase + path, {
      method: options.method ?? "GET",
      headers,
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({
      type: "/problems/network",
      title: "The shop cannot be reached",
      status: 0,
      detail: "The shop cannot be reached. Check the connection and try again.",
    });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  return response;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

// For the few answers whose status or headers say more than the body
// (202 Accepted, an ETag to send back as If-Match).
export async function requestWithStatus<T>(
  path: string,
  options: RequestOptions = {},
): Promise<{ body: T; status: number; headers: Headers }> {
  const response = await send(path, options);
  return { body: (await response.json()) as T, status: response.status, headers: response.headers };
}

// A query string from optional values: undefined, null and "" are left
// out, arrays repeat the parameter.
export function query(parameters: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) for (const each of value) search.append(name, String(each));
    else search.append(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
