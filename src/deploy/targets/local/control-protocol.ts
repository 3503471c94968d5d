import { z } from 'zod';

/**
 * The agent's control channel: HTTP over a unix socket only its owner can open (0600 in a
 * 0700 directory), plus a bearer token from a 0600 file, compared in constant time.
 * Long operations answer with NDJSON: {"log": …} lines, then one {"result": …} or {"error": …}.
 */
const Options = z
  .object({
    healthTimeoutMs: z.number().nonnegative(),
    drainMs: z.number().nonnegative(),
    bakeMs: z.number().nonnegative(),
    maxErrorRate: z.number().min(0).max(1),
    minErrors: z.number().int().nonnegative(),
    waitForBake: z.boolean(),
    hookTimeoutMs: z.number().positive(),
    rolloutTimeoutMs: z.number().positive(),
  })
  .partial();
const Port = z.number().int().min(1).max(65535);
const ReleaseId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a release id');

export const DeployCall = z.object({ releaseId: ReleaseId, port: Port, options: Options.optional() });
export type DeployCall = z.infer<typeof DeployCall>;
export const RollbackCall = z.object({ to: ReleaseId.optional(), port: Port, options: Options.optional() });
export type RollbackCall = z.infer<typeof RollbackCall>;

export type ControlLine = { log: string } | { result: unknown } | { error: { message: string; hint?: string; exitCode?: number } };

export const CONTROL_ROUTES = {
  status: 'GET /status',
  deploy: 'POST /deploy',
  rollback: 'POST /rollback',
  down: 'POST /down',
} as const;
