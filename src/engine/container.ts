import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineCommand, engineOk } from './process.js';
import type { Engine } from './types.js';

export interface RunOptions {
  image: string;
  /** Container name; tests and tools prefix theirs (slipway-test-…, slipway-smoke-…). */
  name: string;
  ports?: { host: number; container: number; hostIp?: string }[];
  /** Environment; written to a 0600 env file (removed once the container started), never on the command line. */
  env?: Record<string, string>;
  network?: string;
  /** Hostname other containers on `network` use (e.g. "postgres"). */
  alias?: string;
  /** Share the host's network (to reach services on the host's loopback). */
  hostNetwork?: boolean;
  labels?: Record<string, string>;
  command?: string[];
}

/** Starts a detached container; returns its id. */
export async function runContainer(engine: Engine, opts: RunOptions): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-run-'));
  try {
    const envFile = join(dir, 'env');
    writeFileSync(envFile, envFileText(opts.env ?? {}), { mode: 0o600 });
    const privileged = (opts.ports ?? []).some((p) => p.container < 1024);
    const args = [
      'run',
      '--detach',
      '--name',
      opts.name,
      '--env-file',
      envFile,
      ...(opts.hostNetwork ? ['--network', 'host'] : opts.network ? ['--network', opts.network] : []),
      ...(opts.alias && opts.network && !opts.hostNetwork ? ['--network-alias', opts.alias] : []),
      ...(opts.hostNetwork ? [] : (opts.ports ?? []).flatMap((p) => ['-p', `${p.hostIp ?? '127.0.0.1'}:${p.host}:${p.container}`])),
      // Docker lets unprivileged users bind ports below 1024 in a container; podman needs telling.
      ...(engine.name === 'podman' && privileged && !opts.hostNetwork ? ['--sysctl', 'net.ipv4.ip_unprivileged_port_start=0'] : []),
      ...Object.entries(opts.labels ?? {}).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
      opts.image,
      ...(opts.command ?? []),
    ];
    return (await engineOk(engine, args)).split('\n').at(-1)!.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** --env-file takes one NAME=value per line, literally (no quotes, no escapes): multi-line values are left out. */
export function envFileText(env: Record<string, string>): string {
  return Object.entries(env)
    .filter(([, v]) => !v.includes('\n'))
    .map(([k, v]) => `${k}=${v}\n`)
    .join('');
}

export interface StopResult {
  /** Wall-clock time of the stop command, ms. */
  ms: number;
  exitCode: number;
  /** True when the grace period ran out and the engine sent SIGKILL (exit 137). */
  killed: boolean;
}

/**
 * Sends the image's stop signal, waits up to `graceSeconds`, then SIGKILL. Whether the
 * process exited by itself shows in the exit code (137 = killed), which is how callers
 * tell "stops promptly" from "was killed" without timing anything.
 */
export async function stopContainer(engine: Engine, name: string, graceSeconds = 10): Promise<StopResult> {
  const started = performance.now();
  await engineOk(engine, ['stop', '--time', String(graceSeconds), name]);
  const ms = performance.now() - started;
  const exitCode = Number(await engineOk(engine, ['inspect', '--format', '{{.State.ExitCode}}', name]));
  return { ms, exitCode, killed: exitCode === 137 };
}

export async function removeContainer(engine: Engine, name: string): Promise<void> {
  await engineCommand(engine, ['rm', '--force', ...(engine.name === 'podman' ? ['--time', '0'] : []), name]);
}

export async function containerLogs(engine: Engine, name: string, tail = 40): Promise<string[]> {
  const r = await engineCommand(engine, ['logs', '--tail', String(tail), name]);
  return r.all.split(/\r?\n/).filter((l) => l !== '');
}

export type ContainerState = { running: boolean; exitCode: number; status: string };

export async function containerState(engine: Engine, name: string): Promise<ContainerState> {
  const out = await engineOk(engine, ['inspect', '--format', '{{.State.Running}} {{.State.ExitCode}} {{.State.Status}}', name]);
  const [running, code, status] = out.split(' ');
  return { running: running === 'true', exitCode: Number(code), status: status ?? '' };
}

export async function execInContainer(engine: Engine, name: string, command: string[]): Promise<{ code: number; output: string }> {
  const r = await engineCommand(engine, ['exec', name, ...command]);
  return { code: r.code, output: r.all };
}

/**
 * Runs the image's own HEALTHCHECK once. podman can do it on demand; docker reports the
 * status its scheduler last saw (may be "starting"). 'none' when the image has none.
 */
export async function runHealthcheck(engine: Engine, name: string): Promise<'healthy' | 'unhealthy' | 'starting' | 'none'> {
  if (engine.name === 'podman') {
    const r = await engineCommand(engine, ['healthcheck', 'run', name]);
    if (r.code === 0) return 'healthy';
    return /no healthcheck|not have a healthcheck/i.test(r.all) ? 'none' : 'unhealthy';
  }
  const r = await engineCommand(engine, ['inspect', '--format', '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}', name]);
  const s = r.stdout.trim();
  return s === 'healthy' || s === 'unhealthy' || s === 'starting' ? s : 'none';
}

export async function createNetwork(engine: Engine, name: string): Promise<void> {
  await engineOk(engine, ['network', 'create', name]);
}

export async function removeNetwork(engine: Engine, name: string): Promise<void> {
  await engineCommand(engine, ['network', 'rm', '--force', name]);
}
