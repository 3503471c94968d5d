import { EXIT, UserError } from '../../../errors.js';
import type { DeployOutcome, DeployTarget, EnvironmentStatus, ReleaseInfo } from '../../target.js';
import { newReleaseId } from '../local/release-store.js';
import { apiError, Cluster } from './cluster.js';
import { KubeHistory, type History } from './history.js';
import { buildOverlay, setImages, workloads, type KubeObject } from './manifests.js';
import { waitRollout } from './rollout.js';

const DEFAULT_ROLLOUT_MS = 120_000;

/**
 * The Kubernetes target: builds k8s/overlays/<env> (kubectl kustomize), sets the release's
 * images, applies every object with server-side apply through the API (@kubernetes/client-node),
 * waits for the rollout with a deadline, and on failure reports the events and re-applies the
 * previous release's objects. What it applied is kept per release in .slipway/envs/<env>/kubernetes/.
 */
export const kubernetesTarget: DeployTarget = {
  id: 'kubernetes',

  async deploy(req) {
    const t0 = Date.now();
    if (req.artifact.kind !== 'image') {
      throw new UserError('the kubernetes target deploys images; it was given a directory', EXIT.usage, 'build and push an image (the pipeline does), then `slipway deploy --image REF`');
    }
    const objects = await buildOverlay(req.projectDir, req.env);
    const replaced = setImages(objects, req.artifact.images);
    if (replaced.length === 0) req.log('warning: no container is named after a component; images left as the overlay has them');
    const cluster = await Cluster.connect();
    const history = new KubeHistory(req.projectDir, req.env);
    const h = history.read();
    const id = newReleaseId();
    history.saveObjects(id, objects);
    h.releases.push({ id, createdAt: new Date().toISOString(), digest: req.artifact.digest, ...(req.runId ? { runId: req.runId } : {}), state: 'pending' });
    history.write(h);
    req.log(`release ${id}: applying ${objects.length} object(s) to ${cluster.server} (server-side apply)`);

    const result = await applyAndWait(cluster, objects, req.options?.rolloutTimeoutMs ?? DEFAULT_ROLLOUT_MS, req.log, req.signal);
    if (result.ok) {
      markLive(h, id);
      history.write(h);
      req.log(`release ${id}: rolled out`);
      return { ok: true, releaseId: id, durationMs: Date.now() - t0 };
    }
    const tFail = Date.now();
    req.log(`release ${id} failed: ${result.reason}`);
    for (const e of await eventsFor(cluster, objects)) req.log(`  event: ${e}`);
    const previous = h.live;
    const entry = h.releases.find((r) => r.id === id)!;
    Object.assign(entry, { state: 'failed', reason: result.reason });
    history.write(h);
    if (previous) {
      req.log(`undo: re-applying release ${previous}`);
      const undo = await applyAndWait(cluster, history.objects(previous) ?? [], req.options?.rolloutTimeoutMs ?? DEFAULT_ROLLOUT_MS, req.log);
      if (!undo.ok) req.log(`undo of ${id} did not finish: ${undo.reason}`);
    }
    return { ok: false, releaseId: id, error: result.reason, rolledBack: { reason: result.reason, to: previous, ms: Date.now() - tFail }, durationMs: Date.now() - t0 };
  },

  async rollback(req) {
    const t0 = Date.now();
    const history = new KubeHistory(req.projectDir, req.env);
    const h = history.read();
    const to = req.to ?? [...h.releases].reverse().find((r) => r.id !== h.live && (r.state === 'retired' || r.state === 'warm'))?.id;
    const objects = to ? history.objects(to) : null;
    if (!to || !objects) throw new UserError(`no release to roll back to in ${req.env}${to ? ` (${to} is not in ${history.dir})` : ''}`, EXIT.failure, 'list releases with `slipway status`');
    req.log(`rollback: re-applying release ${to}`);
    const cluster = await Cluster.connect();
    const result = await applyAndWait(cluster, objects, req.options?.rolloutTimeoutMs ?? DEFAULT_ROLLOUT_MS, req.log);
    if (!result.ok) return { ok: false, releaseId: to, error: result.reason, durationMs: Date.now() - t0 };
    markLive(h, to);
    history.write(h);
    return { ok: true, releaseId: to, durationMs: Date.now() - t0 };
  },

  async releases(req): Promise<ReleaseInfo[]> {
    return toInfo(new KubeHistory(req.projectDir, req.env).read());
  },

  async status(req): Promise<EnvironmentStatus> {
    const history = new KubeHistory(req.projectDir, req.env);
    const h = history.read();
    const status: EnvironmentStatus = { env: req.env, target: 'kubernetes', state: h.live ? 'running' : 'absent', live: h.live, releases: toInfo(h), instances: [], notes: [] };
    const objects = h.live ? history.objects(h.live) : null;
    if (!objects) return status;
    try {
      const cluster = await Cluster.connect();
      for (const w of workloads(objects)) {
        const o = (await cluster.read(w)) as KubeObject & { status?: { readyReplicas?: number; replicas?: number } };
        status.instances.push({ release: h.live!, component: `${w.kind}/${w.metadata.name}`, where: cluster.server, state: `${o.status?.readyReplicas ?? 0}/${o.status?.replicas ?? 0} ready` });
      }
    } catch (err) {
      status.notes.push(`could not read the cluster: ${apiError(err)}`);
    }
    return status;
  },

  async down(req) {
    const history = new KubeHistory(req.projectDir, req.env);
    const h = history.read();
    const objects = h.live ? history.objects(h.live) : null;
    if (!objects) return req.log(`${req.env}: nothing applied by Slipway`);
    const cluster = await Cluster.connect();
    // Namespaces are left alone: they may hold what others deployed.
    for (const o of [...objects].reverse().filter((x) => x.kind !== 'Namespace')) {
      await cluster.remove(o).catch((err: unknown) => req.log(`delete ${o.kind}/${o.metadata.name}: ${apiError(err)}`));
      req.log(`deleted ${o.kind}/${o.metadata.name}`);
    }
    for (const r of h.releases) if (r.state === 'live') r.state = 'retired';
    h.live = null;
    history.write(h);
  },
};

async function applyAndWait(cluster: Cluster, objects: KubeObject[], deadlineMs: number, log: (l: string) => void, signal?: AbortSignal): Promise<{ ok: true } | { ok: false; reason: string }> {
  for (const o of objects) {
    try {
      await cluster.apply(o);
      log(`applied ${o.kind}/${o.metadata.name}`);
    } catch (err) {
      return { ok: false, reason: `apply ${o.kind}/${o.metadata.name}: ${apiError(err)}` };
    }
  }
  return waitRollout(cluster, workloads(objects), deadlineMs, log, signal);
}

async function eventsFor(cluster: Cluster, objects: KubeObject[]): Promise<string[]> {
  const ws = workloads(objects).map((w) => cluster.withNamespace(w));
  const ns = ws[0]?.metadata.namespace;
  if (!ns) return [];
  return cluster.events(ns, ws.map((w) => w.metadata.name)).catch((err: unknown) => [`(could not list events: ${apiError(err)})`]);
}

function markLive(h: History, id: string): void {
  for (const r of h.releases) if (r.state === 'live') r.state = 'retired';
  const entry = h.releases.find((r) => r.id === id);
  if (entry) Object.assign(entry, { state: 'live', reason: undefined });
  h.live = id;
}

function toInfo(h: History): ReleaseInfo[] {
  return [...h.releases].reverse().map((r) => ({ id: r.id, createdAt: r.createdAt, digest: r.digest, state: r.state === 'pending' ? 'failed' : r.state, ...(r.runId ? { runId: r.runId } : {}), ...(r.reason ? { reason: r.reason } : {}) }));
}
