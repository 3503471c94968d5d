import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../../../fs/atomic-write.js';

/**
 * The on-disk truth of an environment (state.json), written atomically at every transition so
 * a restarted agent (after a crash or a reboot) knows what should run.
 */
export const ReleaseRecord = z.object({
  id: z.string(),
  createdAt: z.string(),
  digest: z.string(),
  runId: z.string().optional(),
  state: z.enum(['live', 'warm', 'retired', 'failed', 'pending']),
  reason: z.string().optional(),
});
export type ReleaseRecord = z.infer<typeof ReleaseRecord>;

export const InstanceRecord = z.object({
  instanceId: z.string(),
  release: z.string(),
  component: z.string(),
  replica: z.number(),
  pid: z.number(),
  port: z.number().optional(),
  /** Container name, for container-mode components (removed if a dead agent left it). */
  container: z.string().optional(),
  startedAt: z.string(),
});
export type InstanceRecord = z.infer<typeof InstanceRecord>;

export const EnvState = z.object({
  env: z.string(),
  /** running: the agent should be up and serving · stopped: after `slipway down`. */
  desired: z.enum(['running', 'stopped']),
  port: z.number().optional(),
  live: z.string().nullable(),
  /** Releases the live one replaced, newest first; rollback goes to the first. */
  previous: z.array(z.string()),
  releases: z.array(ReleaseRecord),
  instances: z.array(InstanceRecord),
});
export type EnvState = z.infer<typeof EnvState>;

export function emptyState(env: string): EnvState {
  return { env, desired: 'running', live: null, previous: [], releases: [], instances: [] };
}

export function readState(file: string, env: string): EnvState {
  if (!existsSync(file)) return emptyState(env);
  const parsed = EnvState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a Slipway environment state file: ${parsed.error.message}`);
  return parsed.data;
}

export function writeState(file: string, state: EnvState): void {
  writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`, 0o600);
}
