import { emptyHead, type ResponseHead } from './response-head.js';

/** Heads up to this size are remembered. */
const MAX_MEMO_BYTES = 2048;
/** After this many misses in a row, heads evidently change per response: stop comparing … */
const MISSES_BEFORE_PAUSE = 4;
/** … for this many responses, then try again. */
const PAUSE_RESPONSES = 64;

/**
 * A connection's previous response head, byte for byte, with what it parsed to. A load test
 * repeats the same requests, and servers answer them with the same head (the Date field
 * changes once a second): one native comparison then stands in for parsing ~150 bytes in JS,
 * and its result is exactly the parse's, since the bytes are the same. Heads that differ every
 * time (request ids, cookies) pause the memo, so they pay for it only now and then.
 */
export class HeadMemo {
  private bytes: Buffer | null = null;
  private length = 0;
  private noBody = false;
  private readonly head: ResponseHead = emptyHead();
  private misses = 0;
  private paused = 0;

  /** The index past the head when `buf[start…]` begins with the remembered one (filling `out`), else -1. */
  match(buf: Buffer, start: number, end: number, noBody: boolean, out: ResponseHead): number {
    const n = this.length;
    if (n === 0 || this.paused > 0) {
      if (this.paused > 0) this.paused--;
      return -1;
    }
    if (noBody !== this.noBody || end - start < n || buf.compare(this.bytes as Buffer, 0, n, start, start + n) !== 0) {
      if (++this.misses >= MISSES_BEFORE_PAUSE) {
        this.misses = 0;
        this.paused = PAUSE_RESPONSES;
      }
      return -1;
    }
    this.misses = 0;
    copyFraming(this.head, out);
    out.headers = null;
    return start + n;
  }

  /** Remembers the head just parsed from `buf[start, end)`. */
  remember(buf: Buffer, start: number, end: number, noBody: boolean, parsed: ResponseHead): void {
    const n = end - start;
    if (this.paused > 0 || n > MAX_MEMO_BYTES) return;
    if (this.bytes === null || this.bytes.length < n) this.bytes = Buffer.allocUnsafe(Math.max(256, n));
    buf.copy(this.bytes, 0, start, end);
    this.length = n;
    this.noBody = noBody;
    copyFraming(parsed, this.head);
  }
}

/** Field by field into a reused object: the hot path allocates nothing. */
function copyFraming(from: ResponseHead, to: ResponseHead): void {
  to.status = from.status;
  to.framing = from.framing;
  to.contentLength = from.contentLength;
  to.keepAlive = from.keepAlive;
  to.keepAliveMs = from.keepAliveMs;
}
