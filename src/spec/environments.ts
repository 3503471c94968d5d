import type { AppSpec } from './app-spec.js';
import { ENVIRONMENT_NAMES } from './pipeline.js';

export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number] | (string & {});

/** Public port of the local target's proxy per environment, unless slipway.yaml sets one. */
export const DEFAULT_ENV_PORTS: Record<string, number> = { dev: 7100, test: 7200, prod: 7300 };

export function environmentNames(spec: AppSpec): string[] {
  const declared = Object.keys(spec.environments ?? {});
  return declared.length ? declared : [...ENVIRONMENT_NAMES];
}

export function environmentPort(spec: AppSpec, env: string): number {
  const port = spec.environments?.[env]?.port ?? DEFAULT_ENV_PORTS[env];
  if (port === undefined) throw new Error(`environment "${env}" has no port: set environments.${env}.port in slipway.yaml`);
  return port;
}

/** Where the local target serves an environment (loopback only). */
export function environmentUrl(spec: AppSpec, env: string): string {
  return `http://127.0.0.1:${environmentPort(spec, env)}`;
}

export function needsApproval(spec: AppSpec, env: string): boolean {
  return spec.environments?.[env]?.approval ?? env === 'prod';
}
