import { CR, HT, LF, SP, hasToken, isTokenByte, nameIs } from './bytes.js';

/** How the body of a response is delimited (RFC 9112 §6.3). */
export type Framing = 'none' | 'length' | 'chunked' | 'close';

/** What the generator needs from a status line and its header fields. */
export interface ResponseHead {
  status: number;
  framing: Framing;
  contentLength: number;
  /** The connection may carry another request after this response. */
  keepAlive: boolean;
  /** `Keep-Alive: timeout=N` in milliseconds, or -1 when absent. */
  keepAliveMs: number;
  /** Only when asked for (a scenario extracts a header): lower-case names, repeats joined by ", ". */
  headers: Record<string, string> | null;
}

/** A head before any parse: the parser's and the head memo's starting value. */
export function emptyHead(): ResponseHead {
  return { status: 0, framing: 'none', contentLength: 0, keepAlive: true, keepAliveMs: -1, headers: null };
}

export const HEAD_INCOMPLETE = -1;

/** Thrown for bytes that are not an HTTP/1.x response head; `code` follows llhttp's names. */
export class HttpParseError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const CONTENT_LENGTH = bytesOf('content-length');
const TRANSFER_ENCODING = bytesOf('transfer-encoding');
const CONNECTION = bytesOf('connection');
const KEEP_ALIVE = bytesOf('keep-alive');
const CHUNKED = bytesOf('chunked');
const CLOSE = bytesOf('close');
const TIMEOUT = bytesOf('timeout');
const HTTP_1 = bytesOf('HTTP/1.');
const COLON = 58;

/**
 * Parses one response head from `buf[start, end)` into `out`: the status line and header
 * fields up to the empty line. Returns the index just past that empty line, HEAD_INCOMPLETE
 * when the bytes stop before it (nothing in `out` is meaningful then), or throws
 * HttpParseError. Lines may end in CRLF or a bare LF; leading empty lines are skipped.
 * `noBody` is set for answers to HEAD requests.
 */
export function parseHead(buf: Uint8Array, start: number, end: number, noBody: boolean, captureHeaders: boolean, out: ResponseHead): number {
  let i = start;
  while (i < end && (buf[i] === CR || buf[i] === LF)) i++;
  // "HTTP/1.x NNN", then an optional reason phrase.
  const prefix = Math.min(end - i, 7);
  for (let k = 0; k < prefix; k++) if (buf[i + k] !== HTTP_1[k]) fail('HPE_INVALID_CONSTANT');
  if (end - i < 12) return HEAD_INCOMPLETE;
  const minor = (buf[i + 7] as number) - 48;
  if (minor !== 0 && minor !== 1) fail('HPE_INVALID_VERSION');
  if (buf[i + 8] !== SP) fail('HPE_INVALID_CONSTANT');
  const d0 = (buf[i + 9] as number) - 48;
  const d1 = (buf[i + 10] as number) - 48;
  const d2 = (buf[i + 11] as number) - 48;
  if (d0 < 1 || d0 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) fail('HPE_INVALID_STATUS');
  const status = d0 * 100 + d1 * 10 + d2;
  i += 12;
  if (i < end && buf[i] !== SP && buf[i] !== CR && buf[i] !== LF) fail('HPE_INVALID_STATUS');
  while (i < end && buf[i] !== LF) i++;
  if (i >= end) return HEAD_INCOMPLETE;
  i++;

  let contentLength = -1;
  let chunked = false;
  let transferEncoding = false;
  let close = minor === 0;
  let keepAliveMs = -1;
  const headers: Record<string, string> | null = captureHeaders ? {} : null;
  for (;;) {
    if (i >= end) return HEAD_INCOMPLETE;
    let b = buf[i] as number;
    if (b === LF) {
      i++;
      break;
    }
    if (b === CR) {
      if (i + 1 >= end) return HEAD_INCOMPLETE;
      if (buf[i + 1] !== LF) fail('HPE_LF_EXPECTED');
      i += 2;
      break;
    }
    // A field: token ":" OWS value OWS. Folded continuation lines (leading whitespace) are
    // refused (RFC 9112 §5.2), as is whitespace before the colon. Values are not inspected
    // beyond the fields that frame the message.
    const nameStart = i;
    while (i < end && isTokenByte((b = buf[i] as number))) i++;
    if (i >= end) return HEAD_INCOMPLETE;
    if (b !== COLON || i === nameStart) fail('HPE_INVALID_HEADER_TOKEN');
    const nameEnd = i;
    let lf = i + 1;
    while (lf < end && buf[lf] !== LF) lf++;
    if (lf >= end) return HEAD_INCOMPLETE;
    let valueStart = nameEnd + 1;
    let valueEnd = buf[lf - 1] === CR ? lf - 1 : lf;
    i = lf + 1;
    while (valueStart < valueEnd && (buf[valueStart] === SP || buf[valueStart] === HT)) valueStart++;
    while (valueEnd > valueStart && (buf[valueEnd - 1] === SP || buf[valueEnd - 1] === HT)) valueEnd--;

    // Only four names matter to framing: length and first letter rule out the others cheaply.
    const nameLength = nameEnd - nameStart;
    const first = nameLength >= 10 ? (buf[nameStart] as number) | 0x20 : 0;
    if (first === 99 /* c */ && nameLength === 14 && nameIs(buf, nameStart, CONTENT_LENGTH)) {
      const n = parseContentLength(buf, valueStart, valueEnd);
      if (contentLength !== -1 && n !== contentLength) fail('HPE_UNEXPECTED_CONTENT_LENGTH');
      contentLength = n;
    } else if (first === 116 /* t */ && nameLength === 17 && nameIs(buf, nameStart, TRANSFER_ENCODING)) {
      // Only a final "chunked" coding frames the body; anything else runs until close.
      transferEncoding = true;
      chunked = endsWithToken(buf, valueStart, valueEnd, CHUNKED);
    } else if (first === 99 /* c */ && nameLength === 10 && nameIs(buf, nameStart, CONNECTION)) {
      if (hasToken(buf, valueStart, valueEnd, CLOSE)) close = true;
      else if (hasToken(buf, valueStart, valueEnd, KEEP_ALIVE)) close = false;
    } else if (first === 107 /* k */ && nameLength === 10 && nameIs(buf, nameStart, KEEP_ALIVE)) {
      keepAliveMs = parseKeepAliveTimeout(buf, valueStart, valueEnd);
    }
    if (headers) {
      const name = latin1(buf, nameStart, nameEnd).toLowerCase();
      const value = latin1(buf, valueStart, valueEnd);
      const prior = headers[name];
      headers[name] = prior === undefined ? value : `${prior}, ${value}`;
    }
  }

  out.status = status;
  out.headers = headers;
  out.keepAliveMs = keepAliveMs;
  out.contentLength = 0;
  if (status < 200 || status === 204 || status === 304 || noBody) {
    out.framing = 'none';
  } else if (transferEncoding) {
    out.framing = chunked ? 'chunked' : 'close';
    // Transfer-Encoding beside Content-Length smells of response splitting: use it once, then close.
    if (!chunked || contentLength !== -1 || minor === 0) close = true;
  } else if (contentLength !== -1) {
    out.framing = contentLength === 0 ? 'none' : 'length';
    out.contentLength = contentLength;
  } else {
    out.framing = 'close';
    close = true;
  }
  out.keepAlive = !close;
  return i;
}

/** Digits, or a list of identical values ("42, 42") as some proxies send. */
function parseContentLength(buf: Uint8Array, start: number, end: number): number {
  let value = -1;
  let n = -1;
  for (let i = start; i <= end; i++) {
    const b = i < end ? (buf[i] as number) : 44;
    if (b >= 48 && b <= 57) {
      n = n === -1 ? b - 48 : n * 10 + (b - 48);
      if (n > Number.MAX_SAFE_INTEGER) fail('HPE_INVALID_CONTENT_LENGTH');
    } else if (b === 44 /* , */) {
      if (n === -1 || (value !== -1 && value !== n)) fail('HPE_INVALID_CONTENT_LENGTH');
      value = n;
      n = -1;
      while (i + 1 < end && (buf[i + 1] === SP || buf[i + 1] === HT)) i++;
    } else if (!((b === SP || b === HT) && n !== -1)) {
      fail('HPE_INVALID_CONTENT_LENGTH');
    }
  }
  return value;
}

function endsWithToken(buf: Uint8Array, start: number, end: number, token: Uint8Array): boolean {
  let s = end;
  while (s > start && buf[s - 1] !== 44) s--;
  while (s < end && (buf[s] === SP || buf[s] === HT)) s++;
  return end - s === token.length && nameIs(buf, s, token);
}

/** `timeout=5, max=1000` → 5000; -1 when absent or malformed (a hint, never an error). */
function parseKeepAliveTimeout(buf: Uint8Array, start: number, end: number): number {
  for (let i = start; i + TIMEOUT.length < end; i++) {
    if ((i === start || buf[i - 1] === 44 || buf[i - 1] === SP) && nameIs(buf, i, TIMEOUT) && buf[i + TIMEOUT.length] === 61 /* = */) {
      let n = -1;
      for (let k = i + TIMEOUT.length + 1; k < end; k++) {
        const b = buf[k] as number;
        if (b < 48 || b > 57) break;
        n = (n === -1 ? 0 : n * 10) + (b - 48);
      }
      return n === -1 ? -1 : Math.min(n, 86_400) * 1000;
    }
  }
  return -1;
}

function latin1(buf: Uint8Array, start: number, end: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1');
}

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function fail(code: string): never {
  throw new HttpParseError(code);
}
