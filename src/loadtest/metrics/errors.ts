/**
 * Failed requests by kind: a response with an unexpected status, a timeout (connect, headers
 * or body), a connection failure (refused, reset, closed), or a response that could not be
 * used (malformed, or a value to extract was missing). `detail` counts the exact cause.
 */
export const ERROR_KINDS = ['status', 'timeout', 'connection', 'response'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ErrorCounts {
  byKind: Record<ErrorKind, number>;
  /** "status 503", "timeout headers", "connection ECONNREFUSED" … */
  detail: Record<string, number>;
}

export function emptyErrors(): ErrorCounts {
  return { byKind: { status: 0, timeout: 0, connection: 0, response: 0 }, detail: {} };
}

export function countError(into: ErrorCounts, kind: ErrorKind, cause: string): void {
  into.byKind[kind]++;
  const key = `${kind} ${cause}`;
  into.detail[key] = (into.detail[key] ?? 0) + 1;
}

export function addErrors(into: ErrorCounts, from: ErrorCounts): void {
  for (const kind of ERROR_KINDS) into.byKind[kind] += from.byKind[kind];
  for (const [key, n] of Object.entries(from.detail)) into.detail[key] = (into.detail[key] ?? 0) + n;
}

export function totalErrors(e: ErrorCounts): number {
  return ERROR_KINDS.reduce((sum, k) => sum + e.byKind[k], 0);
}

const TIMEOUT_CODES: Record<string, string> = {
  CONNECT_TIMEOUT: 'connect',
  HEADERS_TIMEOUT: 'headers',
  BODY_TIMEOUT: 'body',
  ETIMEDOUT: 'connect',
};

/**
 * Maps the generator's HTTP client codes (generator/http/connection.ts) and socket error
 * codes to a kind and cause: parse failures (HPE_*, llhttp's names) and requests that could
 * not be built from extracted values are `response`; everything else about the socket is
 * `connection` with its code (ECONNREFUSED, ECONNRESET, a TLS verification code …).
 */
export function classifyCode(code: string): { kind: ErrorKind; cause: string } {
  const timeout = TIMEOUT_CODES[code];
  if (timeout) return { kind: 'timeout', cause: timeout };
  if (code.startsWith('HPE_') || code === 'INVALID_REQUEST') return { kind: 'response', cause: code };
  if (code === 'CLOSED') return { kind: 'connection', cause: 'closed' };
  return { kind: 'connection', cause: code || 'unknown' };
}
