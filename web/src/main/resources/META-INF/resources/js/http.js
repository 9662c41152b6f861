// JSON over fetch, shared by every REST call of the client. Errors are RFC 9457 problem details: ApiError carries the
// status, the human-readable detail (what the page shows) and the problem's extra properties (`reason`, `errors`…).

export class ApiError extends Error {
  constructor(status, detail, problem = {}, retryAfterSeconds = null) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.problem = problem;
    this.retryAfter = retryAfterSeconds;
  }

  /** The machine-readable reason of a 4xx (`full`, `locked`, `ended`, `email-taken`, `last-owner`…). */
  get reason() {
    return this.problem.reason;
  }

  /** Per-field problems of a 400: [{field, message}]. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }

  /** Seconds to wait before trying again (429, 503): the problem's `retryAfterSeconds` or the Retry-After header. */
  get retryAfterSeconds() {
    const value = Number(this.problem.retryAfterSeconds ?? this.retryAfter);
    return Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
  }
}

const UNREACHABLE = 'The server cannot be reached. Check your connection and try again.';

// The gateway answers within its 5 s time limit; a request that hangs far beyond that (a connection the browser
// keeps for a dead peer) must still settle, or the control that waits for it stays disabled.
const ANSWER_TIMEOUT_MS = 30_000;
const LATE = 'The server did not answer in time. Try again.';

/**
 * A request with a JSON body (if any) and a JSON answer: resolves to the parsed body (null for 204 or an empty one),
 * throws ApiError otherwise. `token` adds a bearer; `fetcher` replaces fetch (the account session's authorizedFetch).
 */
export async function send(method, path, { body, token, fetcher = fetch } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetcher(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof ApiError) {
      throw error;
    }
    throw new ApiError(0, error?.name === 'TimeoutError' ? LATE : UNREACHABLE);
  }
  return answerOf(response);
}

/** The body of a response, or the ApiError its problem details describe. */
export async function answerOf(response) {
  if (response.ok) {
    if (response.status === 204) {
      return null;
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // a proxy's HTML error page, say: the status alone has to do
  }
  if (!problem || typeof problem !== 'object') {
    problem = {};
  }
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') || '', 10);
  throw new ApiError(response.status, problem.detail || problem.title || `HTTP ${response.status}`, problem,
    Number.isFinite(retryAfter) ? retryAfter : null);
}

export { UNREACHABLE };
