import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UserError } from '../../../errors.js';
import type { EnvironmentStatus } from '../../target.js';
import { ControlClient } from './control-client.js';
import { ensureEnvDirs, envPaths, type EnvPaths } from './paths.js';
import { readState } from './state.js';

const READY_TIMEOUT_MS = 90_000;

export interface AgentHandle {
  client: ControlClient;
  paths: EnvPaths;
  /** Set when this call had to start the agent; `crashed` when state.json said it should have been running. */
  started?: { crashed: boolean };
}

/**
 * Returns a client for the environment's agent, starting it when it is not running — after a
 * crash (state.json says "running" but nobody answers) this restores the live release from
 * disk. With `start: false`, returns null instead of starting a never-deployed environment.
 */
export async function ensureAgent(dir: string, env: string, opts: { start: 'always' | 'if-running' }): Promise<AgentHandle | null> {
  // Absolute: the agent runs from its own directory.
  const projectDir = resolve(dir);
  const paths = envPaths(projectDir, env);
  const client = new ControlClient(paths);
  if (existsSync(paths.token) && (await client.status<EnvironmentStatus>())) return { client, paths };
  const state = readState(paths.state, env);
  const shouldRun = state.desired === 'running' && state.live !== null;
  if (opts.start === 'if-running' && !shouldRun) return null;

  ensureEnvDirs(paths);
  const lock = join(paths.root, 'agent.spawn.lock');
  const owned = takeLock(lock);
  try {
    if (owned) {
      killStaleAgent(paths);
      if (!existsSync(paths.token)) writeFileSync(paths.token, randomBytes(32).toString('hex'), { mode: 0o600 });
      spawnAgent(projectDir, env, paths);
    }
    await waitReady(client, paths);
  } finally {
    if (owned) rmSync(lock, { force: true });
  }
  return { client, paths, started: { crashed: shouldRun } };
}

function agentEntry(): { script: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  const script = join(dirname(here), 'agent', `main${ext}`);
  // From the TypeScript sources (tests, `tsx`), the agent runs through tsx's loader too.
  const execArgv = ext === '.ts' ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
  return { script, execArgv };
}

function spawnAgent(projectDir: string, env: string, paths: EnvPaths): void {
  const { script, execArgv } = agentEntry();
  const out = openSync(paths.agentLog, 'a', 0o600);
  const child = spawn(process.execPath, [...execArgv, script, '--project', projectDir, '--env', env], {
    cwd: paths.root,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  closeSync(out);
  child.unref();
}

async function waitReady(client: ControlClient, paths: EnvPaths): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const logStart = existsSync(paths.agentLog) ? readFileSync(paths.agentLog, 'utf8').length : 0;
  while (Date.now() < deadline) {
    if (existsSync(paths.token) && (await client.status(1_000))) return;
    const log = existsSync(paths.agentLog) ? readFileSync(paths.agentLog, 'utf8').slice(logStart) : '';
    const failed = /agent failed: (.*)/.exec(log);
    if (failed) throw new UserError(`the ${paths.root} agent could not start: ${failed[1]}`, 1, `see ${paths.agentLog}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new UserError(`the deploy agent did not become ready within ${READY_TIMEOUT_MS / 1000} s`, 1, `see ${paths.agentLog}`);
}

/** An agent whose pid is alive but does not answer is hung: it is replaced. */
function killStaleAgent(paths: EnvPaths): void {
  if (!existsSync(paths.pid)) return;
  const pid = Number(readFileSync(paths.pid, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('--env') && cmdline.includes('agent')) process.kill(pid, 'SIGKILL');
  } catch {
    // not running (or no /proc): nothing to stop
  }
}

/** O_EXCL lock file holding our pid; a lock whose pid is dead is taken over. */
function takeLock(file: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return true;
    } catch {
      const pid = Number(readFileSync(file, 'utf8'));
      try {
        process.kill(pid, 0);
        return false; // another CLI is starting the agent; wait for it
      } catch {
        rmSync(file, { force: true });
      }
    }
  }
  return false;
}
