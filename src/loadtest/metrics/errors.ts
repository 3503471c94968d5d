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

export function countError(into: ErrorCounts, kind: ErrorKind, cause: string, n = 1): void {
  into.byKind[kind] += n;
  const key = `${kind} ${cause}`;
  into.detail[key] = (into.detail[key] ?? 0) + n;
}

export function addErrors(into: ErrorCounts, from: ErrorCounts): void {
  for (const kind of ERROR_KINDS) into.byKind[kind] += from.byKind[kind];
  for (const [key, n] of Object.entries(from.detail)) into.detail[key] = (into.detail[key] ?? 0) + n;
}

export function totalErrors(e: ErrorCounts): number {
  return ERROR_KINDS.reduce((sum, k) => sum + e.byKind[k], 0);
}

const TIMEOUT_CODES: Record<string, string> = {
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  ETIMEDOUT: 'connect',
  SLIPWAY_QUEUE_TIMEOUT: 'queued',
};

/** Maps an undici or socket error to its kind and cause. */
export function classifyError(err: unknown): { kind: ErrorKind; cause: string } {
  const code = errorCode(err);
  const timeout = TIMEOUT_CODES[code];
  if (timeout) return { kind: 'timeout', cause: timeout };
  if (code.startsWith('HPE_') || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return { kind: 'response', cause: code };
  }
  if (code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return { kind: 'connection', cause: 'closed' };
  return { kind: 'connection', cause: code || 'unknown' };
}

function errorCode(err: unknown): string {
  if (typeof err !== 'object' || err === null) return '';
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const cause = (err as { cause?: unknown }).cause;
  return cause ? errorCode(cause) : '';
}
