import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { processStartTime } from '../../src/store/owner.js';
import { freePort } from '../../src/net/free-port.js';

export { freePort };

/** A throwaway project directory (optionally a git repository with one commit). */
export function makeProject(files: Record<string, string>, opts: { git?: boolean; from?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-test-pipe-'));
  if (opts.from) cpSync(opts.from, dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  if (opts.git !== false) {
    git(dir, 'init', '-q', '-b', 'main');
    commitAll(dir, 'initial');
  }
  return dir;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
}

export function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

export function write(dir: string, path: string, content: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

export function removeProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}


/** Slipway.yaml head for a dependency-free worker: pipelines of `run:` steps. */
export function specWith(pipeline: string, name = 'demo'): string {
  return `version: 1
name: ${name}
components:
  - name: ${name}
    kind: worker
    language: javascript
    runtime: node
${pipeline}`;
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Running (a zombie waiting to be reaped counts as gone). */
export function isAlive(pid: number): boolean {
  return processStartTime(pid) !== null;
}
