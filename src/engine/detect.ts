import { execa } from 'execa';
import { EXIT, UserError } from '../errors.js';
import type { Engine, EngineName } from './types.js';

const CANDIDATES: EngineName[] = ['docker', 'podman', 'buildah'];
const PROBE_TIMEOUT_MS = 15_000;

export interface DetectOptions {
  /** 'run' needs docker or podman; 'build' also accepts buildah. */
  need: 'build' | 'run';
  /** Engine to use (default: $SLIPWAY_ENGINE, else the first that works of docker, podman, buildah). */
  prefer?: string | undefined;
}

/**
 * Finds a container engine that actually works: docker with a daemon that answers, podman
 * whose storage opens, or buildah (build and push only). Throws a UserError that says
 * what was tried and what to install.
 */
export async function detectEngine(opts: DetectOptions): Promise<Engine> {
  const prefer = opts.prefer ?? process.env['SLIPWAY_ENGINE'];
  if (prefer && !CANDIDATES.includes(prefer as EngineName)) {
    throw new UserError(`unknown container engine "${prefer}"`, EXIT.usage, `SLIPWAY_ENGINE / --engine takes ${CANDIDATES.join(', ')}`);
  }
  const order = prefer ? [prefer as EngineName] : CANDIDATES;
  const tried: string[] = [];
  for (const name of order) {
    if (name === 'buildah' && opts.need === 'run') continue;
    const probe = await probeEngine(name);
    if ('engine' in probe) return probe.engine;
    tried.push(`${name}: ${probe.why}`);
  }
  throw new UserError(
    `no working container engine${opts.need === 'run' ? ' that can run containers' : ''} (${tried.join('; ')})`,
    EXIT.failure,
    opts.need === 'run'
      ? 'install Podman (Debian/Ubuntu: apt-get install podman; macOS: brew install podman && podman machine start) or Docker (https://docs.docker.com/engine/install/) and start its daemon'
      : 'install Podman or Buildah (apt-get install podman buildah), or Docker with a running daemon',
  );
}

async function probeEngine(name: EngineName): Promise<{ engine: Engine } | { why: string }> {
  // `info` talks to the daemon (docker) or opens storage (podman): a CLI alone is not enough.
  const args =
    name === 'docker'
      ? ['info', '--format', '{{.ServerVersion}}']
      : name === 'podman'
        ? ['info', '--format', '{{.Version.Version}}']
        : ['version', '--json'];
  try {
    const r = await execa(name, args, { reject: false, timeout: PROBE_TIMEOUT_MS, stdin: 'ignore' });
    if (r.failed && r.exitCode === undefined) return { why: (r as { code?: string }).code === 'ENOENT' ? 'not installed' : (r.shortMessage ?? 'cannot start') };
    if (r.exitCode !== 0) return { why: firstLine(String(r.stderr)) || `exit code ${r.exitCode}` };
    const out = String(r.stdout).trim();
    const version = name === 'buildah' ? ((JSON.parse(out) as { version?: string }).version ?? 'unknown') : out;
    return { engine: { name, bin: name, version, canRun: name !== 'buildah' } };
  } catch (err) {
    return { why: err instanceof Error ? firstLine(err.message) : String(err) };
  }
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim())?.trim().slice(0, 200) ?? '';
}
