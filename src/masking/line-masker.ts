import type { SecretMasker } from './secret-masker.js';

/** An unfinished line longer than this is emitted in pieces (progress bars, minified output). */
export const MAX_PENDING_LINE = 64 * 1024;

/**
 * Turns a stream of output chunks into masked lines. Chunks split anywhere — in the middle of
 * a line, of a UTF-8 character (callers decode with setEncoding) or of a secret — and every
 * secret is still masked: lines are masked only once complete, and an overlong unfinished line
 * keeps back as many characters as the longest secret could still need.
 */
export class LineMasker {
  private pending = '';

  constructor(
    private readonly masker: SecretMasker,
    private readonly onLine: (line: string) => void,
  ) {}

  write(chunk: string): void {
    this.pending += chunk;
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, nl).replace(/\r$/, '');
      this.pending = this.pending.slice(nl + 1);
      this.onLine(this.masker.mask(line));
    }
    if (this.pending.length > MAX_PENDING_LINE) {
      const { emit, rest } = this.masker.maskPrefix(this.pending);
      if (emit) this.onLine(emit);
      this.pending = rest;
    }
  }

  /** End of output: the unterminated tail becomes a line. */
  end(): void {
    if (this.pending) this.onLine(this.masker.mask(this.pending));
    this.pending = '';
  }
}
