import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { AppSpec } from '../spec/app-spec.js';

export interface EnvironmentConfig {
  /** Values the components receive as environment variables. */
  values: Record<string, string>;
  /** Keys whose values are secret (masked in logs). */
  secretKeys: string[];
  /** Files read, for messages. */
  files: string[];
  /** Secrets the spec requires that have no value anywhere (the deploy still goes on). */
  missingSecrets: string[];
}

/**
 * The config a component gets in an environment (the convention shared with `slipway generate env`):
 * config/<env>.env holds non-secret values and secret names with empty values; real secret
 * values come from config/<env>.secrets.env (gitignored) or, failing that, the process
 * environment. Spec defaults fill what neither sets.
 */
export function loadEnvironmentConfig(projectDir: string, spec: AppSpec, env: string, processEnv: NodeJS.ProcessEnv = process.env): EnvironmentConfig {
  const files: string[] = [];
  const read = (name: string): Record<string, string> => {
    const file = join(projectDir, 'config', name);
    if (!existsSync(file)) return {};
    files.push(file);
    return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  };
  const plain = read(`${env}.env`);
  const secretFile = read(`${env}.secrets.env`);
  const specVars = spec.components.flatMap((c) => c.env);
  const secretKeys = new Set([...Object.keys(secretFile), ...specVars.filter((v) => v.secret).map((v) => v.name)]);

  const values: Record<string, string> = {};
  for (const v of specVars) if (v.default !== undefined && !v.secret) values[v.name] = v.default;
  for (const [k, v] of Object.entries(plain)) if (v !== '' || !secretKeys.has(k)) values[k] = v;
  for (const k of secretKeys) {
    const v = secretFile[k] ?? processEnv[k];
    if (v !== undefined && v !== '') values[k] = v;
  }
  const missingSecrets = specVars.filter((v) => v.secret && v.required && values[v.name] === undefined).map((v) => v.name);
  return { values, secretKeys: [...secretKeys], files, missingSecrets };
}
