import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/net/free-port.js';
import { capture, type Captured, REPO } from '../support/process.js';

export { freePort };
export { median } from '../support/stats.js';

export const NODE_HELLO = join(REPO, 'examples', 'node-hello');
const BIN = join(REPO, 'bin', 'slipway.js');

/** The compiled CLI, as a user runs it (`npm ci` builds dist/). */
export function requireBuilt(): void {
  if (!existsSync(join(REPO, 'dist', 'cli', 'run.js'))) {
    console.error('bench: dist/ is missing — run `npm run build` first');
    process.exit(2);
  }
}

/** Runs `slipway …` (dist build) and times it from spawn to exit. */
export function slipway(args: string[]): Promise<Captured> {
  return capture(process.execPath, [BIN, ...args], { env: { CI: '1' }, allowFail: true });
}

/** A copy of examples/node-hello in a temp dir, as its own git repository. */
export function helloCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-bench-pipe-'));
  cpSync(NODE_HELLO, dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  commit(dir, 'node-hello');
  return dir;
}

export function commit(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x' } });
}

export function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

/** Steps of a run from `slipway runs <id> --json`. */
export async function runSteps(dir: string, id: number): Promise<{ id: string; status: string; cacheHit: boolean; durationMs: number | null; outputs: Record<string, unknown> | null }[]> {
  const r = await slipway(['runs', String(id), '--json', '--dir', dir]);
  return (JSON.parse(r.stdout) as { steps: never[] }[])[0]!.steps;
}

export function lastRunId(stdout: string): number {
  const m = [...stdout.matchAll(/run (\d+) (succeeded|failed|waiting-approval|cancelled)/g)].at(-1);
  if (!m) throw new Error(`no run summary in:\n${stdout}`);
  return Number(m[1]);
}

export function loadAverage(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}
