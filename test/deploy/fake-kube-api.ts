import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * A FAKE Kubernetes API server — no cluster can run on this machine. It speaks just enough of
 * the API for the kubernetes target: discovery (/api, /apis, resource lists), server-side apply
 * (PATCH application/apply-patch+yaml: the applied object replaces the stored one), GET, DELETE,
 * event lists, and a toy "controller" that marks a Deployment rolled out shortly after its spec
 * changes — unless a container image contains "crashloop", which never becomes available and
 * gets a BackOff event. Requests need the bearer token (no unauthenticated writes, even here).
 */
type Obj = { apiVersion: string; kind: string; metadata: Record<string, unknown> & { name: string; namespace?: string; generation?: number }; spec?: Record<string, unknown>; status?: Record<string, unknown> };

const RESOURCES: Record<string, { kind: string; name: string; namespaced: boolean }[]> = {
  v1: [
    { kind: 'Namespace', name: 'namespaces', namespaced: false },
    { kind: 'ConfigMap', name: 'configmaps', namespaced: true },
    { kind: 'Secret', name: 'secrets', namespaced: true },
    { kind: 'Service', name: 'services', namespaced: true },
    { kind: 'Event', name: 'events', namespaced: true },
    { kind: 'ServiceAccount', name: 'serviceaccounts', namespaced: true },
  ],
  'apps/v1': [
    { kind: 'Deployment', name: 'deployments', namespaced: true },
    { kind: 'StatefulSet', name: 'statefulsets', namespaced: true },
  ],
  'autoscaling/v2': [{ kind: 'HorizontalPodAutoscaler', name: 'horizontalpodautoscalers', namespaced: true }],
  'policy/v1': [{ kind: 'PodDisruptionBudget', name: 'poddisruptionbudgets', namespaced: true }],
  'networking.k8s.io/v1': [{ kind: 'Ingress', name: 'ingresses', namespaced: true }],
};

export interface FakeKubeApi {
  url: string;
  kubeconfig: string;
  objects: Map<string, Obj>;
  requests: string[];
  /** The image of a Deployment's first container, as stored. */
  imageOf(namespace: string, name: string): string | undefined;
  close(): Promise<void>;
}

export async function startFakeKubeApi(dir: string, opts: { rolloutDelayMs?: number } = {}): Promise<FakeKubeApi> {
  const token = randomUUID();
  const objects = new Map<string, Obj>();
  const events: Obj[] = [];
  const requests: string[] = [];
  let rv = 1;
  const timers = new Set<NodeJS.Timeout>();

  const controller = (key: string): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      const d = objects.get(key);
      if (!d) return;
      const replicas = (d.spec?.replicas as number | undefined) ?? 1;
      const containers = ((d.spec?.template as { spec?: { containers?: { image?: string }[] } })?.spec?.containers ?? []);
      const bad = containers.some((c) => c.image?.includes('crashloop'));
      d.status = {
        observedGeneration: d.metadata.generation,
        replicas,
        updatedReplicas: replicas,
        readyReplicas: bad ? 0 : replicas,
        availableReplicas: bad ? 0 : replicas,
        ...(bad ? { unavailableReplicas: replicas } : {}),
      };
      events.push(event(d, bad ? 'Warning' : 'Normal', bad ? 'BackOff' : 'ScalingReplicaSet', bad ? 'Back-off restarting failed container' : `Scaled up replica set to ${replicas}`));
    }, opts.rolloutDelayMs ?? 100);
    timers.add(t);
  };

  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, status(401, 'Unauthorized'));
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => handle(req, res, body));
  });

  const handle = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    if (path === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'] });
    if (path === '/apis') {
      const groups = Object.keys(RESOURCES).filter((gv) => gv.includes('/')).map((gv) => ({ name: gv.split('/')[0], versions: [{ groupVersion: gv, version: gv.split('/')[1] }], preferredVersion: { groupVersion: gv, version: gv.split('/')[1] } }));
      return send(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups });
    }
    const m = /^\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))(?:\/namespaces\/([^/]+))?(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(path);
    if (!m) return send(res, 404, status(404, `no route ${path}`));
    const gv = (m[1] ?? m[2])!;
    let [ns, plural, name] = [m[3], m[4], m[5]];
    if (!RESOURCES[gv]) return send(res, 404, status(404, `unknown group version ${gv}`));
    if (!ns && !plural) return send(res, 200, { kind: 'APIResourceList', groupVersion: gv, resources: RESOURCES[gv]!.map((r) => ({ name: r.name, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'list', 'patch', 'delete'] })) });
    // /api/v1/namespaces/<name> is the Namespace object itself.
    if (ns && !plural && gv === 'v1') [plural, name, ns] = ['namespaces', ns, undefined];
    const resource = RESOURCES[gv]!.find((r) => r.name === plural);
    if (!resource) return send(res, 404, status(404, `unknown resource ${plural}`));
    const key = `${gv}/${resource.kind}/${ns ?? ''}/${name ?? ''}`;

    if (!name && req.method === 'GET') {
      const items = resource.kind === 'Event' ? events.filter((e) => !ns || e.metadata.namespace === ns) : [...objects.values()].filter((o) => o.kind === resource.kind && (!ns || o.metadata.namespace === ns));
      return send(res, 200, { kind: `${resource.kind}List`, apiVersion: gv, metadata: { resourceVersion: String(rv) }, items });
    }
    if (req.method === 'GET') {
      const o = objects.get(key);
      return o ? send(res, 200, o) : send(res, 404, status(404, `${plural} "${name}" not found`, 'NotFound'));
    }
    if (req.method === 'DELETE') {
      const had = objects.delete(key);
      return had ? send(res, 200, status(200, 'deleted', 'Success')) : send(res, 404, status(404, `${plural} "${name}" not found`, 'NotFound'));
    }
    if (req.method === 'PATCH') {
      if (req.headers['content-type'] !== 'application/apply-patch+yaml') return send(res, 415, status(415, `fake supports server-side apply only, got ${req.headers['content-type']}`));
      if (url.searchParams.get('fieldManager') === null) return send(res, 422, status(422, 'fieldManager is required for apply patch'));
      const applied = parseYaml(body) as Obj;
      if (applied.kind !== resource.kind || applied.metadata?.name !== name) return send(res, 400, status(400, 'the body does not match the URL'));
      const prior = objects.get(key);
      const specChanged = JSON.stringify(prior?.spec) !== JSON.stringify(applied.spec);
      const stored: Obj = {
        ...applied,
        metadata: {
          ...applied.metadata,
          uid: prior?.metadata.uid ?? randomUUID(),
          resourceVersion: String(++rv),
          generation: (prior?.metadata.generation ?? 0) + (specChanged || !prior ? 1 : 0),
          creationTimestamp: prior?.metadata.creationTimestamp ?? new Date().toISOString(),
        },
        ...(prior?.status ? { status: prior.status } : {}),
      };
      objects.set(key, stored);
      if (resource.kind === 'Deployment' && (specChanged || !prior)) controller(key);
      return send(res, prior ? 200 : 201, stored);
    }
    send(res, 405, status(405, `${req.method} not supported by the fake`));
  };

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  // Plain HTTP on loopback: client-node only allows it with insecure-skip-tls-verify.
  const kubeconfig = join(dir, 'fake-kubeconfig.yaml');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: ${url}\n    insecure-skip-tls-verify: true\ncontexts:\n- name: fake\n  context:\n    cluster: fake\n    user: fake\n    namespace: slipway-test\ncurrent-context: fake\nusers:\n- name: fake\n  user:\n    token: ${token}\n`,
    { mode: 0o600 },
  );
  return {
    url,
    kubeconfig,
    objects,
    requests,
    imageOf: (ns, name) => (objects.get(`apps/v1/Deployment/${ns}/${name}`)?.spec?.template as { spec?: { containers?: { image?: string }[] } } | undefined)?.spec?.containers?.[0]?.image,
    close: () => {
      for (const t of timers) clearTimeout(t);
      return new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    },
  };
}

function event(o: Obj, type: string, reason: string, message: string): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${o.metadata.name}.${randomUUID().slice(0, 8)}`, namespace: o.metadata.namespace },
    involvedObject: { kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace },
    type,
    reason,
    message,
  } as unknown as Obj;
}

function status(code: number, message: string, reason = 'BadRequest'): object {
  return { kind: 'Status', apiVersion: 'v1', status: code < 300 ? 'Success' : 'Failure', message, reason, code };
}

function send(res: ServerResponse, code: number, body: object): void {
  res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
