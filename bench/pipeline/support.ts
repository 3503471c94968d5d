import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/net/free-port.js';

export { freePort };

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const NODE_HELLO = join(REPO, 'examples', 'node-hello');
const BIN = join(REPO, 'bin', 'slipway.js');

/** The compiled CLI, as a user runs it (`npm ci` builds dist/). */
export function requireBuilt(): void {
  if (!existsSync(join(REPO, 'dist', 'cli', 'run.js'))) {
    console.error('bench: dist/ is missing — run `npm run build` first');
    process.exit(2);
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `slipway …` (dist build) and times it from spawn to exit. */
export function slipway(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - t0 }));
  });
}

/** A copy of examples/node-hello in a temp dir, as its own git repository. */
export function helloCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-bench-pipe-'));
  cpSync(NODE_HELLO, dir, { recursive: true });
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x' } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'node-hello');
  return dir;
}

export function commit(dir: string, message: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x' };
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: dir, env });
}

export function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}


export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
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
  try {
    return execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}
