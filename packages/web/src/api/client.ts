import {
  api,
  ERROR_STATUS,
  ErrorResponse,
  type BodyOf,
  type EndpointName,
  type ErrorCode,
  type FieldError,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
} from '@eidor/contract';

/** Errors the client itself detects: the request never got an answer, or the answer broke the contract. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

/** A failed API call: the server's error code (or a client-side one), HTTP status, field errors and request id. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;

  constructor(init: { code: ErrorCode | ClientErrorCode; status: number; message: string; fields?: FieldError[]; requestId?: string | undefined }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** What apiFetch needs besides the endpoint name: only the parts the endpoint's contract declares. */
export type FetchOptions<N extends EndpointName> = (BodyOf<N> extends undefined ? { body?: never } : { body: BodyOf<N> }) &
  (ParamsOf<N> extends undefined ? { params?: never } : { params: ParamsOf<N> }) &
  (QueryOf<N> extends undefined ? { query?: never } : { query?: QueryOf<N> }) & { signal?: AbortSignal };

type FetchArgs<N extends EndpointName> = object extends FetchOptions<N> ? [options?: FetchOptions<N>] : [options: FetchOptions<N>];

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KNOWN_CODES = new Set<string>(Object.keys(ERROR_STATUS));

// CSRF (double submit). Before sign-in the token comes from GET /api/auth/csrf; once signed in, from the
// session. Both live in memory only: never in localStorage/sessionStorage.
let sessionCsrfToken: string | null = null;
let preSessionCsrfToken: Promise<string> | null = null;

const sessionLostListeners = new Set<() => void>();

/** Run `listener` whenever a signed-in call answers 401 UNAUTHENTICATED (the session ended or expired). */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/** Remember (or forget, with null) the CSRF token of the signed-in session. */
export function setSessionCsrfToken(token: string | null): void {
  sessionCsrfToken = token;
  if (token === null) preSessionCsrfToken = null;
}

async function preSessionToken(): Promise<string> {
  preSessionCsrfToken ??= apiFetch('csrf').then(
    (r) => r.csrfToken,
    (error: unknown) => {
      preSessionCsrfToken = null;
      throw error;
    },
  );
  return preSessionCsrfToken;
}

async function csrfTokenFor(name: EndpointName): Promise<string> {
  const endpoint = api[name];
  if (!('public' in endpoint && endpoint.public) && sessionCsrfToken !== null) return sessionCsrfToken;
  return preSessionToken();
}

function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params?.[key];
    if (value === undefined || value === null) throw new Error(`Missing path parameter "${key}" for ${path}`);
    return encodeURIComponent(String(value));
  });
}

function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 410:
      return 'INVITATION_INVALID';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'UNAVAILABLE';
    default:
      return 'INTERNAL';
  }
}

/** Turn a non-2xx response into an ApiError, using the error body when it follows the contract. */
export async function parseErrorResponse(response: Response): Promise<ApiError> {
  let body: unknown = undefined;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall back to the status.
  }
  const parsed = ErrorResponse.safeParse(body);
  if (!parsed.success) {
    return new ApiError({ code: codeForStatus(response.status), status: response.status, message: response.statusText || `HTTP ${response.status}` });
  }
  const { code, message, requestId, fields } = parsed.data.error;
  return new ApiError({
    code: KNOWN_CODES.has(code) ? (code as ErrorCode) : codeForStatus(response.status),
    status: response.status,
    message,
    requestId,
    fields: fields ?? [],
  });
}

async function send<N extends EndpointName>(name: N, options: FetchOptions<N> | undefined): Promise<Response> {
  const endpoint = api[name];
  const url = buildPath(endpoint.path, options?.params as Record<string, unknown> | undefined) + buildQuery(options?.query as Record<string, unknown> | undefined);
  const headers: Record<string, string> = { accept: 'application/json' };
  const body = options?.body;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (MUTATING.has(endpoint.method)) headers['x-csrf-token'] = await csrfTokenFor(name);
  try {
    return await fetch(url, {
      method: endpoint.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options?.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ code: 'NETWORK', status: 0, message: error instanceof Error ? error.message : 'Network error' });
  }
}

/**
 * Call one endpoint of the contract: builds the path and query, sends the CSRF header on mutations,
 * parses the response with the contract's schema and turns error bodies into a typed ApiError.
 */
export async function apiFetch<N extends EndpointName>(name: N, ...[options]: FetchArgs<N>): Promise<ResponseOf<N>> {
  let response = await send(name, options);
  let error = response.ok ? null : await parseErrorResponse(response);

  // A pre-session token can go stale (the cookie expired or was replaced): fetch a fresh one and retry once.
  if (error?.code === 'CSRF_INVALID' && (sessionCsrfToken === null || ('public' in api[name] && api[name].public))) {
    preSessionCsrfToken = null;
    response = await send(name, options);
    error = response.ok ? null : await parseErrorResponse(response);
  }
  if (error) {
    if (error.code === 'UNAUTHENTICATED') {
      setSessionCsrfToken(null);
      if (name !== 'session') for (const listener of sessionLostListeners) listener();
    }
    throw error;
  }

  const data = await parseBody(name, response);
  rememberSession(name, data);
  return data;
}

async function parseBody<N extends EndpointName>(name: N, response: Response): Promise<ResponseOf<N>> {
  const endpoint = api[name];
  if (!('response' in endpoint) || response.status === 204) return undefined as ResponseOf<N>;
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError({ code: 'BAD_RESPONSE', status: response.status, message: `${name}: response is not JSON` });
  }
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({ code: 'BAD_RESPONSE', status: response.status, message: `${name}: response does not match the contract` });
  }
  return parsed.data as ResponseOf<N>;
}

/** Keep the session's CSRF token in step with the endpoints that start or end a session. */
function rememberSession(name: EndpointName, data: unknown): void {
  switch (name) {
    case 'session':
    case 'verifyTotp':
    case 'acceptInvitation':
      setSessionCsrfToken((data as ResponseOf<'session'>).csrfToken);
      break;
    case 'signIn': {
      const result = data as ResponseOf<'signIn'>;
      if (result.status === 'signed_in') setSessionCsrfToken(result.session.csrfToken);
      break;
    }
    case 'signOut':
    case 'signOutEverywhere':
      setSessionCsrfToken(null);
      break;
    default:
      break;
  }
}

/**
 * Send a file as the raw request body of an upload endpoint (one with `upload` content types in the
 * contract), with the CSRF header; the answer is parsed and errors are read as apiFetch does.
 */
export async function apiUpload<N extends EndpointName>(
  name: N,
  file: Blob,
  contentType: string,
  options: { query?: QueryOf<N>; params?: ParamsOf<N>; signal?: AbortSignal } = {},
): Promise<ResponseOf<N>> {
  const endpoint = api[name];
  const url = buildPath(endpoint.path, options.params as Record<string, unknown> | undefined) + buildQuery(options.query as Record<string, unknown> | undefined);
  let response: Response;
  try {
    response = await fetch(url, {
      method: endpoint.method,
      headers: { accept: 'application/json', 'content-type': contentType, 'x-csrf-token': await csrfTokenFor(name) },
      body: file,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ code: 'NETWORK', status: 0, message: error instanceof Error ? error.message : 'Network error' });
  }
  if (!response.ok) {
    const error = await parseErrorResponse(response);
    if (error.code === 'UNAUTHENTICATED') {
      setSessionCsrfToken(null);
      for (const listener of sessionLostListeners) listener();
    }
    throw error;
  }
  return parseBody(name, response);
}

/**
 * Call an endpoint that answers with a file (no JSON schema), with the CSRF header on POST: the file
 * and the name the server gave it. Errors are read as apiFetch does.
 */
export async function apiDownload<N extends EndpointName>(name: N, ...[options]: FetchArgs<N>): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(name, options);
  if (!response.ok) {
    const error = await parseErrorResponse(response);
    if (error.code === 'UNAUTHENTICATED') {
      setSessionCsrfToken(null);
      for (const listener of sessionLostListeners) listener();
    }
    throw error;
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  return { blob: await response.blob(), fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
}
