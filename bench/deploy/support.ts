import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Artifact, DeployOptions, DeployOutcome } from '../../src/deploy/target.js';
import { freePort } from '../../src/net/free-port.js';
import type { AppSpec } from '../../src/spec/app-spec.js';
import { nodeHelloSpec, nodeHelloVariant, type Variant } from '../../test/deploy/node-hello-variants.js';

/** The part of autocannon's API the deploy benchmarks use (it ships no types). */
interface AutocannonInstance {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: 'reqError', fn: (err: Error) => void): void;
  stop(): void;
}
type Autocannon = (opts: Record<string, unknown>, done: (err: Error | null, result: unknown) => void) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// The compiled target, as `slipway` runs it: from the TypeScript sources the agent would run
// under tsx's loader, which measured the proxy at less than a third of its real throughput.
const compiled = new URL('../../dist/deploy/targets/local/index.js', import.meta.url);
if (!existsSync(compiled)) {
  console.error('bench: dist/ is missing — run `npm run build` first');
  process.exit(2);
}
const { localTarget } = (await import(compiled.href)) as typeof import('../../src/deploy/targets/local/index.js');

export interface Sample {
  at: number;
  ms: number;
  status: number;
}

/** Open-loop load at a fixed rate (autocannon overallRate) that records every response. */
export function fixedRateLoad(url: string, rate: number): { samples: Sample[]; errors: { at: number; message: string }[]; stop: () => Promise<void> } {
  const samples: Sample[] = [];
  const errors: { at: number; message: string }[] = [];
  let finished: () => void = () => undefined;
  const done = new Promise<void>((r) => (finished = r));
  const inst = autocannon({ url, connections: 16, overallRate: rate, duration: 3600, timeout: 10 }, () => finished());
  inst.on('response', (_c, status, _b, ms) => samples.push({ at: Date.now(), ms, status }));
  inst.on('reqError', (err) => errors.push({ at: Date.now(), message: err.message }));
  return {
    samples,
    errors,
    stop: async () => {
      inst.stop();
      await done;
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

/** A throwaway project with node-hello deployed to `dev` on a free port, through the real agent. */
export async function benchProject(extra: Parameters<typeof nodeHelloSpec>[1] = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-bench-deploy-'));
  const port = await freePort();
  const spec: AppSpec = nodeHelloSpec(port, extra);
  const switches: number[] = [];
  const deploy = (artifact: Artifact, options: DeployOptions = {}): Promise<DeployOutcome> =>
    localTarget.deploy({
      spec,
      projectDir: dir,
      env: 'dev',
      artifact,
      config: {},
      log: (l) => {
        if (l.startsWith('switched ')) switches.push(Date.now());
      },
      options: { bakeMs: 0, drainMs: 5_000, ...options },
    });
  return {
    dir,
    port,
    url: `http://127.0.0.1:${port}/`,
    spec,
    switches,
    deploy,
    bundle: (variant: Variant, label: string): Artifact => ({ kind: 'bundle', dir: nodeHelloVariant(variant, label, dir), digest: label }),
    status: () => localTarget.status({ spec, projectDir: dir, env: 'dev' }),
    cleanup: async () => {
      await localTarget.down({ spec, projectDir: dir, env: 'dev', log: () => undefined });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
