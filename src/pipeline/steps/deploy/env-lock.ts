import { isOwnerAlive } from '../../../store/owner.js';
import type { StepContext } from '../types.js';

const POLL_MS = 500;

/**
 * One deploy at a time per environment. The lock is a row in the store naming its owner
 * process, so it outlives the runner only as long as the runner lives: after a crash the next
 * deploy sees a dead owner and takes it over. Waits (cancellable, bounded by the step timeout).
 */
export async function withEnvLock<T>(ctx: StepContext, env: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + (ctx.timeoutMs ?? 30 * 60_000);
  let told = false;
  for (;;) {
    const got = await ctx.store.acquireEnvLock(ctx.project, env, ctx.runId, ctx.owner, isOwnerAlive);
    if (got.ok) break;
    if (!told) {
      ctx.log(`waiting: ${env} is being deployed by run ${got.holder.runId ?? '?'} (pid ${got.holder.owner.pid} on ${got.holder.owner.host}, since ${got.holder.acquiredAt})`);
      told = true;
    }
    if (ctx.signal.aborted) throw new Error('cancelled while waiting for the environment lock');
    if (Date.now() > deadline) throw new Error(`${env} stayed locked by run ${got.holder.runId ?? '?'}; try again, or \`slipway cancel ${got.holder.runId ?? '<run>'}\``);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  try {
    return await fn();
  } finally {
    await ctx.store.releaseEnvLock(ctx.project, env, ctx.owner);
  }
}
