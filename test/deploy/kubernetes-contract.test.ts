import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubernetesTarget } from '../../src/deploy/targets/kubernetes/index.js';
import { rolloutProgress } from '../../src/deploy/targets/kubernetes/rollout.js';
import { AppSpec } from '../../src/spec/app-spec.js';
import { describeDeployTargetContract } from './contract.case.js';
import { startFakeKubeApi } from './fake-kube-api.js';

/** A kustomize base + dev overlay like `slipway generate k8s` writes (kept minimal here). */
function writeOverlay(dir: string): void {
  const base = join(dir, 'k8s', 'base');
  const overlay = join(dir, 'k8s', 'overlays', 'dev');
  mkdirSync(base, { recursive: true });
  mkdirSync(overlay, { recursive: true });
  writeFileSync(join(base, 'kustomization.yaml'), 'resources:\n- deployment.yaml\n- service.yaml\n');
  writeFileSync(
    join(base, 'deployment.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: registry.example/web:placeholder
        ports: [{ containerPort: 3000 }]
`,
  );
  writeFileSync(join(base, 'service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  selector: { app: web }\n  ports: [{ port: 80, targetPort: 3000 }]\n');
  writeFileSync(join(overlay, 'kustomization.yaml'), 'resources:\n- ../../base\nnamespace: slipway-test\nlabels:\n- pairs: { environment: dev }\n');
}

// Against a FAKE Kubernetes API server (test/deploy/fake-kube-api.ts): no cluster runs here.
describeDeployTargetContract('kubernetes (fake API server)', async () => {
  const projectDir = mkdtempSync(join(tmpdir(), 'slipway-test-k8s-contract-'));
  writeOverlay(projectDir);
  const fake = await startFakeKubeApi(projectDir, { rolloutDelayMs: 50 });
  const saved = process.env.KUBECONFIG;
  process.env.KUBECONFIG = fake.kubeconfig;
  const spec = AppSpec.parse({
    version: 1,
    name: 'shop',
    environments: { dev: { target: 'kubernetes' } },
    components: [{ name: 'web', kind: 'web', language: 'javascript', runtime: 'node', port: 3000, healthcheck: '/healthz' }],
  });
  return {
    target: kubernetesTarget,
    spec,
    projectDir,
    env: 'dev',
    options: { rolloutTimeoutMs: 2_000 },
    good: (n) => ({ kind: 'image', images: { web: `127.0.0.1:5000/shop/web:v${n}` }, digest: `v${n}` }),
    bad: () => ({ kind: 'image', images: { web: '127.0.0.1:5000/shop/web:crashloop' }, digest: 'bad' }),
    serving: async () => (fake.imageOf('slipway-test', 'web') ?? '').split(':').pop()!,
    cleanup: async () => {
      // Server-side apply, not client-side: every write was a PATCH with the apply content type.
      expect(fake.requests.some((r) => r.startsWith('PATCH /apis/apps/v1/namespaces/slipway-test/deployments/web?') && r.includes('fieldManager=slipway'))).toBe(true);
      if (saved === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = saved;
      await fake.close();
      rmSync(projectDir, { recursive: true, force: true });
    },
  };
});

describe('rolloutProgress (kubectl rollout status semantics)', () => {
  const d = (status: object, generation = 2) => ({ metadata: { generation }, spec: { replicas: 2 }, status });
  it('waits for the controller, updated replicas, old replicas and availability', () => {
    expect(rolloutProgress(d({ observedGeneration: 1 }), 'd')).toMatch(/controller/);
    expect(rolloutProgress(d({ observedGeneration: 2, updatedReplicas: 1 }), 'd')).toMatch(/1 of 2 replicas updated/);
    expect(rolloutProgress(d({ observedGeneration: 2, updatedReplicas: 2, replicas: 3 }), 'd')).toMatch(/old replicas/);
    expect(rolloutProgress(d({ observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 1 }), 'd')).toMatch(/available/);
    expect(rolloutProgress(d({ observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 2 }), 'd')).toBeNull();
  });
  it('fails at once when the progress deadline is exceeded', () => {
    expect(() => rolloutProgress(d({ conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-1" has timed out progressing.' }] }), 'Deployment/web')).toThrow(/progress deadline/);
  });
});
