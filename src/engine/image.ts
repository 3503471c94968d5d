import { engineCommand, engineOk } from './process.js';
import type { Engine, LineSink } from './types.js';

/** Registries on this machine's loopback speak plain HTTP (e.g. a local registry:2). */
function isLoopbackRegistry(ref: string): boolean {
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\//.test(ref);
}

function tlsFlags(engine: Engine, ref: string): string[] {
  return engine.name !== 'docker' && isLoopbackRegistry(ref) ? ['--tls-verify=false'] : [];
}

export async function pushImage(engine: Engine, ref: string, onLine?: LineSink): Promise<void> {
  await engineOk(engine, ['push', ...tlsFlags(engine, ref), ref], onLine ? { onLine } : {});
}

export async function pullImage(engine: Engine, ref: string, opts: { onLine?: LineSink; timeoutMs?: number } = {}): Promise<void> {
  const full = qualifiedRef(ref);
  await engineOk(engine, ['pull', ...tlsFlags(engine, full), full], opts);
}

/**
 * "postgres:16" → "docker.io/library/postgres:16": podman refuses short names without a
 * search registry configured, and Docker Hub is what a short name means everywhere else.
 */
export function qualifiedRef(ref: string): string {
  const first = ref.split('/')[0]!;
  if (ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return ref;
  return ref.includes('/') ? `docker.io/${ref}` : `docker.io/library/${ref}`;
}

export async function tagImage(engine: Engine, source: string, target: string): Promise<void> {
  await engineOk(engine, ['tag', source, target]);
}

export async function imageExists(engine: Engine, ref: string): Promise<boolean> {
  const r = await engineCommand(engine, ['image', 'inspect', '--format', '{{.Id}}', ref]);
  return r.code === 0;
}

/** Size in bytes as the engine reports it (uncompressed). */
export async function imageSize(engine: Engine, ref: string): Promise<number> {
  return Number(await engineOk(engine, ['image', 'inspect', '--format', '{{.Size}}', ref]));
}

/** The user the image runs as ("" = root). */
export async function imageUser(engine: Engine, ref: string): Promise<string> {
  return engineOk(engine, ['image', 'inspect', '--format', '{{.Config.User}}', ref]);
}

export async function removeImage(engine: Engine, ref: string): Promise<void> {
  await engineCommand(engine, ['rmi', '-f', ref]);
}
