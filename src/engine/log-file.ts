import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An append-only log under <project>/.slipway/logs/: the engine's full output is kept
 * there while the terminal shows progress. Written synchronously line by line, so a
 * crash loses at most the line being written. `mask` hides secret values.
 */
export class LogFile {
  readonly path: string;
  private fd: number | null;

  constructor(projectDir: string, name: string, private readonly mask: (line: string) => string = (l) => l) {
    const dir = join(projectDir, '.slipway', 'logs');
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    this.path = join(dir, `${stamp}-${name.replace(/[^A-Za-z0-9_.-]+/g, '-')}.log`);
    this.fd = openSync(this.path, 'a', 0o600);
  }

  line = (text: string): void => {
    if (this.fd === null) return;
    writeSync(this.fd, `${this.mask(text)}\n`);
  };

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
