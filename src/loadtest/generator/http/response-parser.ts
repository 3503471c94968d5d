import { LIMITS } from '../../limits.js';
import { CR, HT, LF, SP } from './bytes.js';
import { HeadMemo } from './head-memo.js';
import { emptyHead, HEAD_INCOMPLETE, HttpParseError, parseHead, type ResponseHead } from './response-head.js';

export const NEED_MORE = -1;

/** A response head larger than this is refused (Node's own limit is 16 KiB). */
export const MAX_HEAD_BYTES = 64 * 1024;

const HEAD = 0;
const BODY = 1;
const UNTIL_CLOSE = 2;
const CHUNK_SIZE = 3;
const CHUNK_EXT = 4;
const CHUNK_SIZE_LF = 5;
const CHUNK_DATA = 6;
const CHUNK_DATA_CR = 7;
const CHUNK_DATA_LF = 8;
const TRAILER_START = 9;
const TRAILER_LINE = 10;
const TRAILER_END_LF = 11;
const DONE = 12;

/**
 * An incremental HTTP/1.1 response parser for one exchange at a time: feed it bytes as they
 * arrive, split anywhere, and it says where the response ends. It handles informational (1xx)
 * responses, bodiless answers (HEAD, 204, 304), Content-Length, chunked transfer coding with
 * extensions and trailers, and bodies delimited by the connection's close. Body bytes are
 * counted, and kept only when asked for; nothing else is copied except a head split across
 * reads, and the last head (head-memo.ts). Malformed input throws HttpParseError.
 */
export class ResponseParser {
  readonly head: ResponseHead = emptyHead();
  /** Body bytes of the final response (after chunked decoding). */
  bytes = 0;
  private state = DONE;
  private noBody = false;
  private captureHeaders = false;
  private parts: Buffer[] | null = null;
  private captured = 0;
  private remaining = 0;
  private digits = 0;
  private pending: Buffer | null = null;
  private pendingLength = 0;
  private scannedTo = 0;
  private readonly memo = new HeadMemo();

  /** Prepares for the response to the next request. */
  begin(noBody: boolean, captureHeaders: boolean, captureBody: boolean): void {
    this.state = HEAD;
    this.noBody = noBody;
    this.captureHeaders = captureHeaders;
    this.parts = captureBody ? [] : null;
    this.captured = 0;
    this.bytes = 0;
    this.pending = null;
    this.head.headers = null;
  }

  get headDone(): boolean {
    return this.state !== HEAD;
  }

  /**
   * Consumes `buf[start, end)`. Returns the index just past the response once it is complete
   * (bytes after it belong to no request), or NEED_MORE.
   */
  feed(buf: Buffer, start: number, end: number): number {
    let i = start;
    while (this.state === HEAD) {
      i = this.feedHead(buf, i, end);
      if (i === NEED_MORE) return NEED_MORE;
      const h = this.head;
      if (h.status < 200) {
        // We never ask to switch protocols; any other 1xx precedes the real answer.
        if (h.status === 101) throw new HttpParseError('HPE_UNEXPECTED_UPGRADE');
        continue;
      }
      if (h.framing === 'none') return this.done(i);
      this.state = h.framing === 'length' ? BODY : h.framing === 'chunked' ? CHUNK_SIZE : UNTIL_CLOSE;
      this.remaining = h.contentLength;
      this.digits = 0;
    }
    if (this.state === BODY) {
      const n = Math.min(this.remaining, end - i);
      this.take(buf, i, i + n);
      this.remaining -= n;
      return this.remaining === 0 ? this.done(i + n) : NEED_MORE;
    }
    if (this.state === UNTIL_CLOSE) {
      this.take(buf, i, end);
      return NEED_MORE;
    }
    return this.feedChunked(buf, i, end);
  }

  /** The peer closed the connection: true when that ends the response (a body read until close). */
  endOfStream(): boolean {
    if (this.state !== UNTIL_CLOSE) return false;
    this.state = DONE;
    return true;
  }

  /** The kept body, decoded as UTF-8 ('' when it was not kept). */
  body(): string {
    return this.parts ? Buffer.concat(this.parts).toString('utf8') : '';
  }

  private done(at: number): number {
    this.state = DONE;
    this.pending = null;
    return at;
  }

  private take(buf: Uint8Array, from: number, to: number): void {
    this.bytes += to - from;
    if (this.parts && this.captured < LIMITS.maxCapturedBodyBytes && to > from) {
      const n = Math.min(to - from, LIMITS.maxCapturedBodyBytes - this.captured);
      // Copied: the read buffer is reused for the next read.
      this.parts.push(Buffer.from(buf.subarray(from, from + n)));
      this.captured += n;
    }
  }

  /** Returns the index past the head, or NEED_MORE after keeping a partial head. */
  private feedHead(buf: Buffer, start: number, end: number): number {
    if (this.pending === null) {
      // Captured headers are new objects per response: those heads are always parsed.
      if (!this.captureHeaders) {
        const known = this.memo.match(buf, start, end, this.noBody, this.head);
        if (known !== -1) return known;
      }
      const at = parseHead(buf, start, end, this.noBody, this.captureHeaders, this.head);
      if (at !== HEAD_INCOMPLETE) {
        if (at - start > MAX_HEAD_BYTES) throw new HttpParseError('HPE_HEADER_OVERFLOW');
        if (!this.captureHeaders) this.memo.remember(buf, start, at, this.noBody, this.head);
        return at;
      }
      if (end - start >= MAX_HEAD_BYTES) throw new HttpParseError('HPE_HEADER_OVERFLOW');
      this.keep(buf, start, end, 0);
      return NEED_MORE;
    }
    const before = this.pendingLength;
    // Only what fits under the limit: the rest of this read may be body bytes.
    const pending = this.keep(buf, start, Math.min(end, start + MAX_HEAD_BYTES - before), before);
    // Parse only once the empty line may be there, so a head trickling in stays linear.
    const at = mayEndHead(pending, Math.max(0, this.scannedTo - 3), this.pendingLength)
      ? parseHead(pending, 0, this.pendingLength, this.noBody, this.captureHeaders, this.head)
      : HEAD_INCOMPLETE;
    if (at === HEAD_INCOMPLETE) {
      if (this.pendingLength >= MAX_HEAD_BYTES) throw new HttpParseError('HPE_HEADER_OVERFLOW');
      this.scannedTo = this.pendingLength;
      return NEED_MORE;
    }
    this.pending = null;
    // The head ends in this read: the earlier bytes alone were incomplete.
    return start + (at - before);
  }

  private keep(buf: Uint8Array, start: number, end: number, at: number): Buffer {
    const need = at + (end - start);
    let pending = this.pending;
    if (pending === null || pending.length < need) {
      const grown = Buffer.allocUnsafe(Math.min(MAX_HEAD_BYTES, Math.max(need, 2 * (pending?.length ?? 512))));
      if (pending && at > 0) pending.copy(grown, 0, 0, at);
      pending = grown;
    }
    pending.set(buf.subarray(start, end), at);
    this.pending = pending;
    this.pendingLength = need;
    if (at === 0) this.scannedTo = 0;
    return pending;
  }

  private feedChunked(buf: Uint8Array, start: number, end: number): number {
    let i = start;
    while (i < end) {
      const b = buf[i] as number;
      switch (this.state) {
        case CHUNK_SIZE: {
          const h = hexValue(b);
          if (h >= 0) {
            this.remaining = this.remaining * 16 + h;
            if (++this.digits > 13) throw new HttpParseError('HPE_INVALID_CHUNK_SIZE');
          } else if (this.digits === 0) {
            throw new HttpParseError('HPE_INVALID_CHUNK_SIZE');
          } else if (b === CR) {
            this.state = CHUNK_SIZE_LF;
          } else if (b === LF) {
            this.sizeLineDone();
          } else if (b === 59 /* ; */ || b === SP || b === HT) {
            this.state = CHUNK_EXT;
          } else {
            throw new HttpParseError('HPE_INVALID_CHUNK_SIZE');
          }
          i++;
          break;
        }
        case CHUNK_EXT:
          if (b === LF) this.sizeLineDone();
          i++;
          break;
        case CHUNK_SIZE_LF:
          if (b !== LF) throw new HttpParseError('HPE_LF_EXPECTED');
          this.sizeLineDone();
          i++;
          break;
        case CHUNK_DATA: {
          const n = Math.min(this.remaining, end - i);
          this.take(buf, i, i + n);
          this.remaining -= n;
          i += n;
          if (this.remaining === 0) this.state = CHUNK_DATA_CR;
          break;
        }
        case CHUNK_DATA_CR:
          if (b === CR) this.state = CHUNK_DATA_LF;
          else if (b === LF) this.nextChunk();
          else throw new HttpParseError('HPE_INVALID_CHUNK_SIZE');
          i++;
          break;
        case CHUNK_DATA_LF:
          if (b !== LF) throw new HttpParseError('HPE_LF_EXPECTED');
          this.nextChunk();
          i++;
          break;
        case TRAILER_START:
          if (b === LF) return this.done(i + 1);
          this.state = b === CR ? TRAILER_END_LF : TRAILER_LINE;
          i++;
          break;
        case TRAILER_LINE:
          if (b === LF) this.state = TRAILER_START;
          i++;
          break;
        case TRAILER_END_LF:
          if (b !== LF) throw new HttpParseError('HPE_LF_EXPECTED');
          return this.done(i + 1);
        default:
          throw new HttpParseError('HPE_INVALID_INTERNAL_STATE');
      }
    }
    return NEED_MORE;
  }

  private sizeLineDone(): void {
    this.state = this.remaining === 0 ? TRAILER_START : CHUNK_DATA;
  }

  private nextChunk(): void {
    this.state = CHUNK_SIZE;
    this.remaining = 0;
    this.digits = 0;
  }
}

function hexValue(b: number): number {
  if (b >= 48 && b <= 57) return b - 48;
  const lower = b | 0x20;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}

/** An LF followed by LF or CR: the empty line that ends a head (or a stray CR parseHead refuses). */
function mayEndHead(buf: Uint8Array, from: number, end: number): boolean {
  for (let i = from; i < end - 1; i++) {
    if (buf[i] === LF && (buf[i + 1] === LF || buf[i + 1] === CR)) return true;
  }
  return false;
}
