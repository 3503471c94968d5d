import semver from 'semver';
import type { Note } from '../../analyze/notes.js';
import type { StrategyContext } from './strategies/types.js';

/**
 * Runtime lines each base image family is published for (and that Slipway supports).
 * Versions are the precision of the image tag: node majors, python minors, go minors …
 */
export interface VersionLine {
  supported: readonly string[];
  /** Used when the spec names no version (the current LTS or stable line). */
  fallback: string;
}

export const VERSION_LINES = {
  node: { supported: ['20', '22', '24', '26'], fallback: '24' },
  bun: { supported: ['1'], fallback: '1' },
  deno: { supported: ['2'], fallback: '2' },
  python: { supported: ['3.10', '3.11', '3.12', '3.13'], fallback: '3.12' },
  jvm: { supported: ['17', '21', '25'], fallback: '21' },
  go: { supported: ['1.22', '1.23', '1.24', '1.25'], fallback: '1.24' },
  ruby: { supported: ['3.1', '3.2', '3.3', '3.4'], fallback: '3.3' },
  php: { supported: ['8.1', '8.2', '8.3', '8.4'], fallback: '8.3' },
  dotnet: { supported: ['8.0', '9.0', '10.0'], fallback: '8.0' },
  rust: { supported: ['1'], fallback: '1' },
} as const satisfies Record<string, VersionLine>;

export type VersionedRuntime = keyof typeof VERSION_LINES;

export interface PickedVersion {
  version: string;
  notes: Note[];
}

/**
 * The supported line for what the spec asks ("20", "20.18.1", ">=18", "^3.11", "lts",
 * "current", "17.0.2", "1.22.3"). A version outside the supported lines falls back to the
 * nearest one, with a warning that names the key to change.
 */
export function pickVersion(runtime: VersionedRuntime, requested: string | undefined, key: string): PickedVersion {
  const line: VersionLine = VERSION_LINES[runtime];
  const raw = requested?.trim().replace(/^v/, '');
  if (!raw || raw === 'lts' || raw === 'latest' || raw === 'stable' || raw === '*') return { version: line.fallback, notes: [] };
  if (raw === 'current') return { version: line.supported.at(-1)!, notes: [] };

  const precision = line.supported[0]!.split('.').length;
  const exact = raw.match(/^(\d+)(?:\.(\d+))?(?:\.\d+)?(?:\.x)?$/);
  if (exact) {
    const [, major, minor] = exact;
    const candidates =
      precision === 1 || minor !== undefined
        ? line.supported.filter((v) => v === [major, minor ?? '0'].slice(0, precision).join('.'))
        : line.supported.filter((v) => v.startsWith(`${major}.`));
    if (candidates.length) return { version: candidates.includes(line.fallback) ? line.fallback : candidates.at(-1)!, notes: [] };
    return nearest(runtime, line, raw, key);
  }
  const range = semver.validRange(raw, { loose: true });
  if (range) {
    const matching = line.supported.filter((v) => semver.intersects(range, lineRange(v), { loose: true }));
    if (matching.length) return { version: matching.includes(line.fallback) ? line.fallback : matching.at(-1)!, notes: [] };
    return nearest(runtime, line, raw, key);
  }
  return {
    version: line.fallback,
    notes: [warn(`${runtime} version "${raw}" is not a version Slipway understands; using ${line.fallback}`, key, line)],
  };
}

/** pickVersion for a strategy: the component's runtimeVersion, a fallback warning passed on as a note. */
export function strategyVersion(ctx: StrategyContext, runtime: VersionedRuntime): string {
  const picked = pickVersion(runtime, ctx.component.runtimeVersion, ctx.key('runtimeVersion'));
  picked.notes.forEach((n) => ctx.note(n));
  return picked.version;
}

function lineRange(v: string): string {
  return `${v}.x`;
}

function nearest(runtime: string, line: VersionLine, raw: string, key: string): PickedVersion {
  const asked = numeric(semver.minVersion(raw, { loose: true })?.version ?? raw);
  let best = line.fallback;
  let bestDistance = Infinity;
  for (const v of line.supported) {
    const d = Math.abs(numeric(v) - asked);
    if (d < bestDistance || (d === bestDistance && numeric(v) > numeric(best))) [best, bestDistance] = [v, d];
  }
  return { version: best, notes: [warn(`${runtime} ${raw} is not a supported line (${line.supported.join(', ')}); using the nearest, ${best}`, key, line)] };
}

/** "3.11" → 3011, "22" → 22000: comparable across precisions. */
function numeric(v: string): number {
  const [a = '0', b = '0'] = v.split('.');
  return Number(a) * 1000 + Number(b);
}

function warn(message: string, key: string, line: VersionLine): Note {
  return { level: 'warn', message, hint: `set ${key} in slipway.yaml to one of ${line.supported.join(', ')}` };
}
