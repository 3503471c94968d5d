import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretMasker } from '../../masking/secret-masker.js';

/** The log could not be written (disk full, permissions): the step must fail. */
export class LogWriteError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: NodeJS.ErrnoException,
  ) {
    super(`cannot write the step log ${file}: ${cause.code === 'ENOSPC' ? 'no space left on device (ENOSPC)' : cause.message}`);
    this.name = 'LogWriteError';
  }
}

/**
 * One step attempt's log file. Every line is masked before it is written or shown, and written
 * synchronously with O_APPEND, so a crash leaves a valid prefix and a full disk is noticed at
 * the very line that did not fit (then `failed` is set and nothing more is written).
 */
export class StepLog {
  bytes = 0;
  lines = 0;
  failed: LogWriteError | null = null;
  private fd: number | null = null;

  constructor(
    readonly file: string,
    private readonly masker: SecretMasker,
    private readonly onLine: (line: string) => void = () => undefined,
  ) {}

  open(): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      this.fd = openSync(this.file, 'a', 0o600);
    } catch (err) {
      this.failed = new LogWriteError(this.file, err as NodeJS.ErrnoException);
      throw this.failed;
    }
  }

  /** A line of output or of Slipway's own narration; masked here whatever its origin. */
  line(text: string): void {
    const masked = this.masker.mask(text);
    this.onLine(masked);
    if (this.fd === null || this.failed) return;
    const buf = Buffer.from(`${masked}\n`, 'utf8');
    try {
      let off = 0;
      while (off < buf.length) off += writeSync(this.fd, buf, off);
      this.bytes += buf.length;
      this.lines++;
    } catch (err) {
      this.failed = new LogWriteError(this.file, err as NodeJS.ErrnoException);
    }
  }

  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // Closing after ENOSPC may fail again; the error is already recorded.
    }
    this.fd = null;
  }
}
