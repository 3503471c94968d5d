import { randomBytes } from 'node:crypto';
import { constants, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../fs/atomic-write.js';

export interface CacheMeta {
  key: string;
  stepId: string;
  runId: number;
  createdAt: string;
  /** Output paths (relative to the step's working directory) that existed and were saved. */
  outputs: string[];
  /** What the step published for later steps (coverage, test counts …). */
  result: Record<string, unknown>;
}

const COPY = { recursive: true, verbatimSymlinks: true, mode: constants.COPYFILE_FICLONE, preserveTimestamps: true } as const;

/**
 * Step results on disk: <dir>/<key>/{meta.json, files/…, log.txt}. An entry appears by an
 * atomic directory rename, so a crash mid-save leaves only a .tmp-* directory, never a half
 * entry. Copies use reflinks where the filesystem has them.
 */
export class StepCache {
  constructor(
    readonly dir: string,
    private readonly maxEntries = 200,
  ) {}

  lookup(key: string): CacheMeta | null {
    const file = join(this.dir, key, 'meta.json');
    if (!existsSync(file)) return null;
    try {
      const meta = JSON.parse(readFileSync(file, 'utf8')) as CacheMeta;
      const t = new Date();
      utimesSync(file, t, t);
      return meta;
    } catch {
      return null;
    }
  }

  /** Puts the saved outputs back into `cwd`, replacing whatever is there. */
  restore(meta: CacheMeta, cwd: string): void {
    for (const out of meta.outputs) {
      const target = join(cwd, out);
      rmSync(target, { recursive: true, force: true });
      cpSync(join(this.dir, meta.key, 'files', out), target, COPY);
    }
  }

  logFile(key: string): string {
    return join(this.dir, key, 'log.txt');
  }

  save(meta: Omit<CacheMeta, 'outputs' | 'createdAt'>, cwd: string, outputs: readonly string[], logFile: string | null): CacheMeta {
    mkdirSync(this.dir, { recursive: true });
    const tmp = join(this.dir, `.tmp-${randomBytes(6).toString('hex')}`);
    try {
      mkdirSync(join(tmp, 'files'), { recursive: true });
      const saved = outputs.filter((o) => existsSync(join(cwd, o)));
      for (const out of saved) cpSync(join(cwd, out), join(tmp, 'files', out), COPY);
      if (logFile && existsSync(logFile)) cpSync(logFile, join(tmp, 'log.txt'));
      const full: CacheMeta = { ...meta, outputs: saved, createdAt: new Date().toISOString() };
      writeFileAtomic(join(tmp, 'meta.json'), `${JSON.stringify(full, null, 2)}\n`);
      if (existsSync(join(this.dir, meta.key))) rmSync(tmp, { recursive: true, force: true });
      else renameSync(tmp, join(this.dir, meta.key));
      this.prune();
      return full;
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
  }

  /** Keeps the most recently used entries; removes leftovers of interrupted saves. */
  prune(): void {
    const entries = readdirSync(this.dir).flatMap((name) => {
      const path = join(this.dir, name);
      if (name.startsWith('.tmp-')) {
        if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
        return [];
      }
      const meta = join(path, 'meta.json');
      return existsSync(meta) ? [{ path, used: statSync(meta).mtimeMs }] : [];
    });
    if (entries.length <= this.maxEntries) return;
    entries.sort((a, b) => b.used - a.used);
    for (const e of entries.slice(this.maxEntries)) rmSync(e.path, { recursive: true, force: true });
  }
}
