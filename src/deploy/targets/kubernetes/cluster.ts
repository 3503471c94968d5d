import type { KubernetesObject, KubernetesObjectApi } from '@kubernetes/client-node';
import { EXIT, UserError } from '../../../errors.js';
import type { KubeObject } from './manifests.js';

const FIELD_MANAGER = 'slipway';

/** The cluster the current kubeconfig context points at (KUBECONFIG or ~/.kube/config). */
export class Cluster {
  private constructor(
    readonly api: KubernetesObjectApi,
    readonly namespace: string,
    readonly server: string,
    private readonly applyPatch: string,
  ) {}

  // client-node takes ~0.5 s to import: only commands that talk to a cluster pay for it.
  static async connect(): Promise<Cluster> {
    const { KubeConfig, KubernetesObjectApi, PatchStrategy } = await import('@kubernetes/client-node');
    const kc = new KubeConfig();
    try {
      kc.loadFromDefault();
    } catch (err) {
      throw new UserError(`could not read the kubeconfig: ${(err as Error).message}`, EXIT.usage, 'set KUBECONFIG or write ~/.kube/config');
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new UserError('the kubeconfig has no current cluster', EXIT.usage, 'run `kubectl config use-context NAME`');
    const namespace = kc.getContextObject(kc.getCurrentContext())?.namespace ?? 'default';
    return new Cluster(KubernetesObjectApi.makeApiClient(kc), namespace, cluster.server, PatchStrategy.ServerSideApply);
  }

  withNamespace(o: KubeObject): KubeObject {
    if (o.kind === 'Namespace' || o.metadata.namespace) return o;
    return { ...o, metadata: { ...o.metadata, namespace: this.namespace } };
  }

  /** Server-side apply: the API server merges, Slipway owns the fields it sets (force takes them back). */
  async apply(o: KubeObject): Promise<KubeObject> {
    return (await this.api.patch(this.withNamespace(o) as KubernetesObject, undefined, undefined, FIELD_MANAGER, true, this.applyPatch as 'application/apply-patch+yaml')) as KubeObject;
  }

  async read(o: KubeObject): Promise<KubeObject> {
    const t = this.withNamespace(o);
    return (await this.api.read({ apiVersion: t.apiVersion, kind: t.kind, metadata: { name: t.metadata.name, namespace: t.metadata.namespace! } })) as KubeObject;
  }

  async remove(o: KubeObject): Promise<void> {
    await this.api.delete(this.withNamespace(o) as KubernetesObject);
  }

  /** Events about the named objects, oldest first ("Warning BackOff: Back-off restarting failed container"). */
  async events(namespace: string, names: string[]): Promise<string[]> {
    const list = await this.api.list<KubernetesObject & { type?: string; reason?: string; message?: string; involvedObject?: { kind?: string; name?: string } }>('v1', 'Event', namespace);
    return list.items
      .filter((e) => names.some((n) => e.involvedObject?.name?.startsWith(n)))
      .map((e) => `${e.type ?? 'Normal'} ${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''} ${e.reason ?? ''}: ${e.message ?? ''}`);
  }
}

/** A failed API call as one line: the Status message the server sent, or the transport error. */
export function apiError(err: unknown): string {
  const e = err as { code?: number; body?: unknown; message?: string };
  if (typeof e.code === 'number') {
    let message = '';
    try {
      message = (typeof e.body === 'string' ? (JSON.parse(e.body) as { message?: string }) : (e.body as { message?: string }))?.message ?? '';
    } catch {
      message = String(e.body);
    }
    return `HTTP ${e.code}${message ? `: ${message}` : ''}`;
  }
  return e.message ?? String(err);
}
