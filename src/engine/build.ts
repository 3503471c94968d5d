import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError, EXIT } from '../errors.js';
import { engineCommand, lastLines } from './process.js';
import { transientNetworkFailure } from './transient-network.js';
import type { Engine, LineSink } from './types.js';

export interface BuildOptions {
  /** Build context directory (absolute). */
  context: string;
  /** Dockerfile path (absolute). */
  dockerfile: string;
  /** Full references to tag the image with, e.g. ["shop-web:3f2a1c9"]. */
  tags: string[];
  buildArgs?: Record<string, string>;
  /** Every line of the engine's output. */
  onLine?: LineSink;
  /** Ignore the layer cache (cache mounts still apply). */
  noCache?: boolean;
  timeoutMs?: number;
  /**
   * Waits before each new attempt of a build that failed on a transient network error (DNS, a
   * reset connection, a registry 5xx). Default: two retries, after 5 s and 20 s. `[]`: none.
   */
  retryDelaysMs?: readonly number[];
}

const RETRY_DELAYS_MS = [5_000, 20_000];

export interface BuildResult {
  /** Image id, sha256:…. */
  id: string;
  tags: string[];
}

/**
 * Builds an image. podman and buildah write Docker-format images so HEALTHCHECK survives
 * (the OCI format has no place for it). A failed build throws BuildFailedError naming the
 * failing step and the last lines of its output.
 */
export async function buildImage(engine: Engine, opts: BuildOptions): Promise<BuildResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'slipway-build-'));
  const iidfile = join(tmp, 'iid');
  const args = [
    'build',
    '--iidfile',
    iidfile,
    '-f',
    opts.dockerfile,
    ...opts.tags.flatMap((t) => ['-t', t]),
    ...Object.entries(opts.buildArgs ?? {}).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
    ...(engine.name === 'docker' ? ['--progress=plain'] : ['--format', 'docker', '--layers']),
    ...(opts.noCache ? ['--no-cache'] : []),
    opts.context,
  ];
  const delays = opts.retryDelaysMs ?? RETRY_DELAYS_MS;
  try {
    for (let attempt = 0; ; attempt++) {
      const tracker = new StepTracker();
      const r = await engineCommand(engine, args, {
        onLine: (line) => {
          tracker.see(line);
          opts.onLine?.(line);
        },
        ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      });
      if (r.code === 0) {
        const raw = readFileSync(iidfile, 'utf8').trim();
        return { id: raw.startsWith('sha256:') ? raw : `sha256:${raw}`, tags: opts.tags };
      }
      const tail = lastLines(r.all, 25);
      const network = transientNetworkFailure(tail.filter((l) => !echoesInstruction(l)));
      const delay = delays[attempt];
      if (!network || delay === undefined) throw new BuildFailedError(tracker.failingStep(r.all), tail, r.code);
      opts.onLine?.(`slipway: the build failed on a network error (${network}); retrying in ${Math.round(delay / 1000)} s (attempt ${attempt + 2} of ${delays.length + 1})`);
      await sleep(delay);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * A line that starts a build step: "STEP 4/9: RUN …" (podman, buildah) or "#7 [build 2/3] RUN …"
 * (BuildKit); the instruction is group 1 or 2.
 */
export const STEP_LINE = /^(?:\[\d+\/\d+\] )?STEP \d+\/\d+: (.*)|^#\d+ \[[^\]]+\] (.*)/;

/** Lines where the engine repeats a Dockerfile instruction rather than reporting what it printed. */
function echoesInstruction(line: string): boolean {
  return STEP_LINE.test(line) || /building at STEP "|failed to solve: process "/.test(line);
}

class StepTracker {
  private last = '';

  see(line: string): void {
    const step = line.match(STEP_LINE);
    if (step) this.last = (step[1] ?? step[2])!;
  }

  failingStep(all: string): string {
    const podman = all.match(/building at STEP "([^"]+)"/);
    if (podman) return podman[1]!;
    const buildkit = all.match(/failed to solve: process "\/bin\/sh -c ([^"]+)" did not complete/);
    if (buildkit) return `RUN ${buildkit[1]}`;
    return this.last || '(before the first step)';
  }
}

export class BuildFailedError extends UserError {
  constructor(
    readonly step: string,
    readonly tail: string[],
    readonly code: number,
  ) {
    super(`image build failed at: ${step}\n${tail.map((l) => `  │ ${l}`).join('\n')}`, EXIT.failure);
    this.name = 'BuildFailedError';
  }
}
