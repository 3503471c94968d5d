import { isOwnerAlive } from '../../store/owner.js';
import type { RunRecord, Store } from '../../store/types.js';
import { killOrphanGroup } from '../exec/process-group.js';

/**
 * After a runner crash (kill -9, power loss): runs whose runner is gone become "interrupted"
 * (resumable), their environment locks are freed, and the commands they left running are
 * killed. Every command that opens the store calls this first.
 */
export async function recoverInterruptedRuns(store: Store): Promise<RunRecord[]> {
  const recovered = await store.recoverInterrupted(isOwnerAlive);
  for (const { steps } of recovered) {
    for (const s of steps) if (s.pid) killOrphanGroup(s.pid, s.pidStartedAt);
  }
  return recovered.map((r) => r.run);
}
