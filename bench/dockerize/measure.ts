import { readFileSync, writeFileSync } from 'node:fs';
import {
  buildImage,
  BuildFailedError,
  containerLogs,
  containerState,
  imageSize,
  removeContainer,
  removeImage,
  runContainer,
  stopContainer,
  type Engine,
} from '../../src/engine/index.js';
import { freePort } from '../../src/net/free-port.js';
import { waitReady } from '../../src/engine/smoke/wait-ready.js';

export interface Measured {
  built: boolean;
  started: boolean;
  answered: boolean;
  sizeBytes?: number;
  coldMs?: number;
  rebuildMs?: number;
  stopMs?: number;
  stopExit?: number;
  /** Why it failed, in one line. */
  failure?: string;
}

export interface Target {
  context: string;
  dockerfile: string;
  port: number | undefined;
  tag: string;
  /** Makes the one-line source change before the rebuild; returns the changed file. */
  change: () => string;
}

const BUILD_TIMEOUT_MS = 30 * 60_000;
const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_SECONDS = 10;

/** Cold build, one-line change + rebuild, run, answer on the port, stop. */
export async function measure(engine: Engine, t: Target, log: (line: string) => void): Promise<Measured> {
  const m: Measured = { built: false, started: false, answered: false };
  const build = async () => {
    const started = performance.now();
    // No network retries: their waits would count as build time, and a retried cold build is half warm.
    await buildImage(engine, { context: t.context, dockerfile: t.dockerfile, tags: [t.tag], onLine: log, timeoutMs: BUILD_TIMEOUT_MS, retryDelaysMs: [] });
    return performance.now() - started;
  };
  try {
    coldStages(t.dockerfile, t.tag);
    m.coldMs = await build();
    m.built = true;
    m.sizeBytes = await imageSize(engine, t.tag);
    const changed = t.change();
    log(`# one-line change in ${changed}`);
    m.rebuildMs = await build();
  } catch (err) {
    m.failure = err instanceof BuildFailedError ? buildFailure(err) : oneLine(err);
    return m;
  }
  if (t.port === undefined) {
    m.failure = 'no container port known';
    return m;
  }
  const name = `slipway-bench-${t.tag.replace(/[^a-z0-9]+/g, '-')}`.slice(0, 60);
  const host = await freePort();
  try {
    await runContainer(engine, { image: t.tag, name, ports: [{ host, container: t.port }] });
    m.started = true;
    const ready = await waitReady({ port: host }, Date.now() + READY_TIMEOUT_MS, async () => (await containerState(engine, name)).running);
    if (ready.ok) m.answered = true;
    else m.failure = `${ready.reason}; last log: ${lastMeaningful(await containerLogs(engine, name, 15))}`;
    if ((await containerState(engine, name)).running) {
      const stop = await stopContainer(engine, name, STOP_GRACE_SECONDS);
      m.stopMs = stop.ms;
      m.stopExit = stop.exitCode;
    }
  } catch (err) {
    m.failure = `run: ${oneLine(err)}`;
  } finally {
    await removeContainer(engine, name);
    await removeImage(engine, t.tag);
  }
  return m;
}

/**
 * Makes the first build cold without --no-cache (podman does not reuse layers of a
 * --no-cache build, which would make the rebuild cold too): an ARG after every FROM is
 * part of each later step's cache key, so nothing from earlier builds matches, while the
 * rebuild, with the same ARG, reuses this build's layers.
 */
export function coldStages(dockerfile: string, runId: string): void {
  const text = readFileSync(dockerfile, 'utf8');
  const id = runId.replace(/[^A-Za-z0-9_.-]/g, '-');
  writeFileSync(dockerfile, text.replace(/^(FROM\s[^\n]*)$/gim, `$1\nARG SLIPWAY_BENCH_COLD=${id}`));
}

/** Gives the cache mounts of our Dockerfile a fresh id, so the cold build starts with an empty download cache too. */
export function freshCacheIds(dockerfile: string, suffix: string): void {
  const text = readFileSync(dockerfile, 'utf8');
  writeFileSync(dockerfile, text.replace(/(--mount=type=cache,[^ ]*?id=)([\w-]+)/g, `$1$2-${suffix}`));
}

/** One line a reader can act on: environment causes (no image pulls, a package the registry lacks) named as such. */
function buildFailure(err: BuildFailedError): string {
  const text = err.tail.join('\n');
  const from = err.step.match(/^FROM\s+(\S+)/i)?.[1];
  if (from && /pinging container registry|initializing source|manifest unknown/.test(text)) return `base image ${from} is not available here (no image pulls; only local stand-ins exist)`;
  const missing = text.match(/'(@?[^@'\s]+)@\S*?-(\d[\w.-]*)\.tgz' is not in this registry/);
  if (missing) return `npm registry here has no ${missing[1]}@${missing[2]} (npm ci: 404), at ${err.step.replace(/--mount=\S+ /g, '').slice(0, 60)}`;
  return `build failed at ${err.step.replace(/--mount=\S+ /g, '').slice(0, 80)}: ${lastMeaningful(err.tail)}`;
}

function lastMeaningful(lines: string[]): string {
  const useful = lines.filter((l) => /error|ERR!|failed|Error|cannot|not found|denied/i.test(l));
  return (useful.at(-1) ?? lines.at(-1) ?? '').trim().slice(0, 160);
}

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n').find((l) => l.trim())!.slice(0, 200);
}
