import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { writeRendered } from '../../../test/helpers/rendered-files.js';
import { UserError } from '../../errors.js';
import { parseSpec } from '../../spec/io.js';
import { TIER_REPLICAS, TIER_RESOURCES } from '../../spec/tiers.js';
import { SpecIncompleteError, type RenderResult } from '../renderer.js';
import { oneComponent, shopSpec } from './__fixtures__/specs.js';
import { k8sRenderer } from './index.js';
import { checkK8sOutput, kustomizeBuild, validateManifests } from './validate/index.js';

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; annotations?: Record<string, string> }; spec?: any; data?: Record<string, string> };

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function objects(result: RenderResult, file: string): Obj[] {
  const f = result.files.find((x) => x.path === file);
  if (!f) throw new Error(`${file} not rendered; have ${result.files.map((x) => x.path).join(', ')}`);
  return parseAllDocuments(f.content).map((d) => d.toJS() as Obj);
}
const find = (objs: Obj[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name);

describe('k8s renderer on the shop fixture', () => {
  const result = k8sRenderer.render(shopSpec(), {});

  it('passes the Kubernetes 1.33 OpenAPI schema and kubectl kustomize for every overlay', async () => {
    const { root, byPath } = writeRendered(result.files);
    roots.push(root);
    const checks = await checkK8sOutput(root, byPath);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    const prod = await kustomizeBuild(`${root}/deploy/k8s/overlays/prod`);
    if (!prod.ok) throw new Error(prod.error);
    const built = parseAllDocuments(prod.yaml).map((d) => d.toJS() as Obj);
    // The overlay puts every namespaced object in shop-prod and pins images to the registry.
    expect(built.filter((o) => o.kind !== 'Namespace').every((o) => o.metadata.namespace === 'shop-prod')).toBe(true);
    const web = find(built, 'Deployment', 'web')!;
    expect(web.spec.template.spec.containers[0].image).toBe('127.0.0.1:5000/shop-web:unreleased');
  });

  it('writes a hardened, probed, zone-spread Deployment sized by its tier', () => {
    const base = objects(result, 'deploy/k8s/base/web.yaml');
    const d = find(base, 'Deployment', 'web')!;
    const pod = d.spec.template.spec;
    const c = pod.containers[0];
    expect(d.spec.replicas).toBeUndefined();
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } });
    expect(c.securityContext).toEqual({ runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(c.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    expect(pod.volumes).toContainEqual({ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } });
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) expect(c[probe].httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.lifecycle.preStop.sleep.seconds).toBeGreaterThan(0);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(c.lifecycle.preStop.sleep.seconds);
    expect(pod.topologySpreadConstraints[0].topologyKey).toBe('topology.kubernetes.io/zone');
    expect(c.resources).toEqual({ requests: TIER_RESOURCES.high.requests, limits: TIER_RESOURCES.high.limits });
    expect(c.image).toBe('shop-web');
  });

  it('references secrets and connections by name, never with values', () => {
    const env = find(objects(result, 'deploy/k8s/base/web.yaml'), 'Deployment', 'web')!.spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'SESSION_SECRET', valueFrom: { secretKeyRef: { name: 'web-secrets', key: 'SESSION_SECRET', optional: false } } });
    expect(env).toContainEqual({ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'shop-postgres', key: 'url' } } });
    expect(env).toContainEqual({ name: 'REDIS_URL', valueFrom: { secretKeyRef: { name: 'shop-redis', key: 'url' } } });
    const all = result.files.filter((f) => f.path.endsWith('.yaml')).flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as Obj));
    expect(all.filter((o) => o.kind === 'Secret')).toEqual([]);
    const config = find(objects(result, 'deploy/k8s/overlays/prod/config.yaml'), 'ConfigMap', 'web-config')!;
    expect(config.data).toEqual({ NODE_ENV: 'production' });
  });

  it('sets HPA ranges per tier × environment, with scale overriding prod', () => {
    for (const env of ['dev', 'test', 'prod'] as const) {
      const hpas = objects(result, `deploy/k8s/overlays/${env}/autoscaling.yaml`);
      const api = find(hpas, 'HorizontalPodAutoscaler', 'api')!;
      expect([api.spec.minReplicas, api.spec.maxReplicas]).toEqual([TIER_REPLICAS.medium[env].min, TIER_REPLICAS.medium[env].max]);
      expect(api.spec.metrics.map((m: { resource: { name: string } }) => m.resource.name)).toEqual(['cpu', 'memory']);
    }
    const web = find(objects(result, 'deploy/k8s/overlays/prod/autoscaling.yaml'), 'HorizontalPodAutoscaler', 'web')!;
    expect([web.spec.minReplicas, web.spec.maxReplicas]).toEqual([4, 20]);
  });

  it('exposes public components through an nginx Ingress with TLS and security headers; internal ones stay ClusterIP', () => {
    const ingresses = objects(result, 'deploy/k8s/overlays/prod/ingress.yaml');
    expect(ingresses.map((i) => i.metadata.name).sort()).toEqual(['front', 'web']);
    const web = find(ingresses, 'Ingress', 'web')!;
    expect(web.spec.ingressClassName).toBe('nginx');
    expect(web.spec.tls[0]).toEqual({ hosts: ['web.shop.example.com'], secretName: 'web-tls' });
    expect(web.metadata.annotations?.['nginx.ingress.kubernetes.io/custom-headers']).toBe('shop-prod/shop-security-headers');
    const headers = find(objects(result, 'deploy/k8s/base/app.yaml'), 'ConfigMap', 'shop-security-headers')!;
    expect(headers.data!['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    expect(find(objects(result, 'deploy/k8s/base/api.yaml'), 'Service', 'api')!.spec.type).toBe('ClusterIP');
  });

  it('denies traffic by default and allows the ingress controller only to public components', () => {
    const deny = find(objects(result, 'deploy/k8s/base/app.yaml'), 'NetworkPolicy', 'default-deny')!;
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const fromIngress = (file: string, name: string) =>
      JSON.stringify(find(objects(result, file), 'NetworkPolicy', name)!.spec.ingress).includes('ingress-nginx');
    expect(fromIngress('deploy/k8s/base/web.yaml', 'web')).toBe(true);
    expect(fromIngress('deploy/k8s/base/api.yaml', 'api')).toBe(false);
  });

  it('runs backing services in the cluster for dev only', () => {
    const dev = objects(result, 'deploy/k8s/overlays/dev/backing-services.yaml');
    expect(dev.filter((o) => o.kind === 'StatefulSet').map((o) => o.metadata.name).sort()).toEqual(
      ['shop-opensearch', 'shop-postgres', 'shop-rabbitmq', 'shop-redis', 'shop-sqs'],
    );
    expect(result.files.some((f) => f.path === 'deploy/k8s/overlays/prod/backing-services.yaml')).toBe(false);
  });

  it('writes Kyverno policies and a PrometheusRule per component', () => {
    const policies = objects(result, 'deploy/k8s/cluster/kyverno-policies.yaml');
    expect(policies.map((p) => p.metadata.name)).toEqual(['shop-require-resources', 'shop-require-probes', 'shop-restricted-security-context', 'shop-pin-image-tags']);
    const rules = objects(result, 'deploy/k8s/monitoring/prometheus-rules.yaml');
    expect(rules.map((r) => r.metadata.name)).toEqual(['web', 'api', 'worker', 'front']);
    const alerts = rules[0]!.spec.groups[0].rules.map((r: { alert: string }) => r.alert);
    expect(alerts).toEqual(expect.arrayContaining(['WebHigh5xxRate', 'WebHighP99Latency', 'WebRestarting', 'WebCpuNearLimit', 'WebMemoryNearLimit']));
  });

  it('offers ExternalSecrets, NodePort and LoadBalancer as options', async () => {
    const withEso = k8sRenderer.render(shopSpec(), { externalSecrets: true, serviceType: 'NodePort', domain: 'shop.example.org' });
    const es = objects(withEso, 'deploy/k8s/overlays/prod/external-secrets.yaml');
    expect(find(es, 'ExternalSecret', 'web-secrets')!.spec.data).toEqual([{ secretKey: 'SESSION_SECRET', remoteRef: { key: 'shop/prod/web', property: 'SESSION_SECRET' } }]);
    expect(find(objects(withEso, 'deploy/k8s/base/web.yaml'), 'Service', 'web')!.spec.type).toBe('NodePort');
    expect(withEso.files.some((f) => f.path.endsWith('/ingress.yaml'))).toBe(false);
    const { root, byPath } = writeRendered(withEso.files);
    roots.push(root);
    expect((await checkK8sOutput(root, byPath)).filter((c) => !c.ok)).toEqual([]);
    const lb = k8sRenderer.render(shopSpec(), { serviceType: 'LoadBalancer' });
    expect(find(objects(lb, 'deploy/k8s/base/web.yaml'), 'Service', 'web')!.spec.type).toBe('LoadBalancer');
    expect(() => k8sRenderer.render(shopSpec(), { serviceType: 'Ingress' })).toThrow(UserError);
  });
});

describe('k8s validation catches broken output', () => {
  it('reports an object the schema refuses, naming the file and object', async () => {
    const bad = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec: { replicas: two, selector: {}, template: {} }\n';
    const { problems } = await validateManifests({ 'bad.yaml': bad });
    expect(problems).toEqual([expect.objectContaining({ file: 'bad.yaml', object: 'Deployment/x', message: expect.stringContaining('replicas') })]);
  });

  it('reports a kustomization that does not build', async () => {
    const { root } = writeRendered([{ path: 'k/kustomization.yaml', content: 'resources:\n  - missing.yaml\n' }]);
    roots.push(root);
    const r = await kustomizeBuild(`${root}/k`);
    expect(r.ok).toBe(false);
  });
});

describe('k8s renderer on bad input', () => {
  it('names components[i].port when a web component has none', () => {
    const spec = oneComponent({ port: undefined });
    try {
      k8sRenderer.render(spec, {});
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SpecIncompleteError);
      expect((err as SpecIncompleteError).missing[0]!.key).toBe('components[0].port');
    }
  });

  it('names the key of an unknown service type or tier', () => {
    const service = oneComponent();
    (service.components[0]!.services as unknown[]).push({ type: 'cassandra' });
    expect(() => k8sRenderer.render(service, {})).toThrow(/components\[0\]\.services\[0\]\.type: unknown service type "cassandra"/);
    const tier = oneComponent();
    (tier.components[0] as { tier: string }).tier = 'huge';
    expect(() => k8sRenderer.render(tier, {})).toThrow(/components\[0\]\.tier: unknown tier "huge"/);
  });

  it('says so in slipway.yaml terms, with the line, before any renderer runs', () => {
    const parsed = parseSpec('version: 1\nname: a\ncomponents:\n  - name: api\n    kind: web\n    language: go\n    runtime: go\n    tier: huge\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ key: 'components[0].tier', line: 8 });
  });

  it('sizes a component without a tier as medium, with a note', () => {
    const spec = oneComponent();
    delete (spec.components[0] as { tier?: string }).tier;
    const r = k8sRenderer.render(spec, {});
    expect(r.notes).toContainEqual(expect.objectContaining({ message: expect.stringContaining('sized as tier medium'), hint: expect.stringContaining('components[0].tier') }));
    const d = find(objects(r, 'deploy/k8s/base/api.yaml'), 'Deployment', 'api')!;
    expect(d.spec.template.spec.containers[0].resources.requests).toEqual(TIER_RESOURCES.medium.requests);
  });
});
