import { createHash } from 'node:crypto';
import type { AppSpec } from '../../../spec/app-spec.js';

/**
 * Equal keys mean "this environment already runs exactly this": same artifact, same config
 * values (hashed, never stored), same deploy-relevant spec (start command, port, health,
 * hooks, env, scale).
 */
export function deployKey(spec: AppSpec, env: string, digest: string, config: Record<string, string>): string {
  const components = spec.components.map((c) => ({
    name: c.name, kind: c.kind, path: c.path, commands: c.commands, port: c.port, healthcheck: c.healthcheck,
    env: c.env, hooks: c.hooks ?? null, deploy: c.deploy ?? null, scale: c.scale ?? null,
  }));
  const h = createHash('sha256');
  h.update(JSON.stringify({ env, digest, environment: spec.environments?.[env] ?? null, components }));
  for (const k of Object.keys(config).sort()) h.update(`\0${k}=${config[k]}`);
  return h.digest('hex').slice(0, 32);
}
