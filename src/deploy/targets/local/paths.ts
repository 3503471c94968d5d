import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT, UserError } from '../../../errors.js';

/** Where the local target keeps an environment: <project>/.slipway/envs/<env>/ (docs/deploy.md). */
export interface EnvPaths {
  root: string;
  releases: string;
  state: string;
  /** Control socket; only its owner may connect (mode 0600, parent 0700). */
  socket: string;
  /** Bearer token for the control channel (mode 0600). */
  token: string;
  pid: string;
  agentLog: string;
}

// sun_path holds 108 bytes on Linux (104 on macOS); deeper projects get a socket in a private temp dir.
const MAX_SOCKET_PATH = 100;

export function envPaths(projectDir: string, env: string): EnvPaths {
  // The name becomes a directory: nothing that could climb out of .slipway/envs.
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/.test(env)) {
    throw new UserError(`"${env}" is not an environment name`, EXIT.usage, 'use letters, digits, "-" and "_" (dev, test, prod or one from environments: in slipway.yaml)');
  }
  const root = join(resolve(projectDir), '.slipway', 'envs', env);
  let socket = join(root, 'agent.sock');
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
    const hash = createHash('sha256').update(root).digest('hex').slice(0, 16);
    const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
    socket = join(tmpdir(), `slipway-${uid}`, `${hash}.sock`);
  }
  return {
    root,
    releases: join(root, 'releases'),
    state: join(root, 'state.json'),
    socket,
    token: join(root, 'agent.token'),
    pid: join(root, 'agent.pid'),
    agentLog: join(root, 'agent.log'),
  };
}

/** Creates the environment's directories owner-only (they hold config with secret values). */
export function ensureEnvDirs(p: EnvPaths): void {
  mkdirSync(p.releases, { recursive: true, mode: 0o700 });
  mkdirSync(join(p.socket, '..'), { recursive: true, mode: 0o700 });
}

export function releaseDir(p: EnvPaths, id: string): string {
  return join(p.releases, id);
}
