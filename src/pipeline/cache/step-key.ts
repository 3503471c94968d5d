import { createHash } from 'node:crypto';

/** Bump when the meaning of a cache entry changes: every old entry becomes a miss. */
const CACHE_FORMAT = 'slipway-step-cache/1';

export interface StepKeyParts {
  uses: string;
  run?: string | undefined;
  component?: string | undefined;
  /** Working directory relative to the workspace. */
  cwd: string;
  env: Record<string, string>;
  /** Names only: rotating a secret's value does not invalidate builds, and no value is hashed to disk. */
  secrets: readonly string[];
  inputGlobs: readonly string[];
  /** treeDigest of the files the globs matched. */
  inputsDigest: string;
  outputs: readonly string[];
  /** Keys (or output digests) of the steps this one needs, by step id. */
  upstream: Record<string, string>;
  /** Anything else the action's result depends on (gate thresholds, a date for audits …). */
  extra?: unknown;
}

/**
 * The cache key of a step: a hash of everything declared to affect its result. The toolchain
 * running Slipway (Node version, platform) is part of it, since installs compile native code.
 */
export function stepCacheKey(p: StepKeyParts): string {
  const canonical = {
    format: CACHE_FORMAT,
    runtime: `${process.version} ${process.platform}-${process.arch}`,
    uses: p.uses,
    run: p.run ?? null,
    component: p.component ?? null,
    cwd: p.cwd,
    env: Object.fromEntries(Object.entries(p.env).sort(([a], [b]) => a.localeCompare(b))),
    secrets: [...p.secrets].sort(),
    inputGlobs: [...p.inputGlobs],
    inputs: p.inputsDigest,
    outputs: [...p.outputs],
    upstream: Object.fromEntries(Object.entries(p.upstream).sort(([a], [b]) => a.localeCompare(b))),
    extra: p.extra ?? null,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 32);
}
