import type { Cluster } from './cluster.js';
import type { KubeObject } from './manifests.js';

type WorkloadStatus = {
  metadata: { generation?: number };
  spec?: { replicas?: number };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    readyReplicas?: number;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
  };
};

export type RolloutResult = { ok: true } | { ok: false; reason: string };

/** kubectl rollout status's test for one Deployment/StatefulSet: null when done, else why not yet; throws on a dead end. */
export function rolloutProgress(o: WorkloadStatus, name: string): string | null {
  const s = o.status ?? {};
  const want = o.spec?.replicas ?? 1;
  const stuck = s.conditions?.find((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded');
  if (stuck) throw new Error(`${name} exceeded its progress deadline: ${stuck.message ?? ''}`);
  if ((s.observedGeneration ?? 0) < (o.metadata.generation ?? 0)) return `${name}: waiting for the controller to see the new spec`;
  if ((s.updatedReplicas ?? 0) < want) return `${name}: ${s.updatedReplicas ?? 0} of ${want} replicas updated`;
  if ((s.replicas ?? 0) > (s.updatedReplicas ?? 0)) return `${name}: ${(s.replicas ?? 0) - (s.updatedReplicas ?? 0)} old replicas pending termination`;
  if ((s.availableReplicas ?? s.readyReplicas ?? 0) < want) return `${name}: ${s.availableReplicas ?? 0} of ${want} updated replicas available`;
  return null;
}

/** Polls every workload until all are rolled out, one fails, or the deadline passes. */
export async function waitRollout(cluster: Cluster, workloads: KubeObject[], deadlineMs: number, log: (l: string) => void, signal?: AbortSignal, pollMs = 250): Promise<RolloutResult> {
  const until = Date.now() + deadlineMs;
  let last = '';
  for (;;) {
    const pending: string[] = [];
    try {
      for (const w of workloads) {
        const why = rolloutProgress((await cluster.read(w)) as unknown as WorkloadStatus, `${w.kind}/${w.metadata.name}`);
        if (why) pending.push(why);
      }
    } catch (err) {
      return { ok: false, reason: (err as Error).message };
    }
    if (pending.length === 0) return { ok: true };
    if (signal?.aborted) return { ok: false, reason: 'cancelled while waiting for the rollout' };
    const line = pending.join('; ');
    if (line !== last) log(line);
    last = line;
    if (Date.now() >= until) return { ok: false, reason: `rollout did not finish within ${Math.round(deadlineMs / 1000)} s (${line})` };
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
