import { GENERATED_MARKER, type RenderedFile } from '../renderer.js';
import { replicasFor, resourcesFor } from './workload/resources.js';
import { K8S_DIR, envProfile, imageName } from './names.js';
import type { K8sOptions } from './options.js';
import { secretsToCreate } from './overlay.js';
import { KUBERNETES_MIN_VERSION } from './versions.js';
import type { Workload } from './workloads.js';

/** deploy/k8s/README.md: how this app's manifests are applied, released and fed their secrets. */
export function readmeFile(app: string, envs: string[], workloads: Workload[], opts: K8sOptions): RenderedFile {
  const rows = workloads.map((w) => {
    const r = resourcesFor(w);
    const ranges = envs.map((e) => (w.kind === 'job' ? '–' : `${replicasFor(w, envProfile(e)).min}–${replicasFor(w, envProfile(e)).max}`));
    return `| ${w.name} | ${w.kind} | ${w.tier} | ${r.requests?.['cpu']} / ${r.limits?.['cpu']} | ${r.requests?.['memory']} / ${r.limits?.['memory']} | ${ranges.join(' | ')} |`;
  });
  const secrets = envs.flatMap((e) => {
    const list = secretsToCreate(app, e, workloads);
    return list.length ? [`### ${e}`, '', '```sh', ...list.map((s) => s.command), '```', ''] : [];
  });
  const first = workloads[0];
  const lines = [
    `<!-- ${GENERATED_MARKER} from slipway.yaml -->`,
    `# ${app} on Kubernetes`,
    '',
    `Needs Kubernetes ≥ ${KUBERNETES_MIN_VERSION} (preStop \`sleep\`), ingress-nginx, metrics-server (HPA), Kyverno ≥ 1.13 for \`cluster/\`,` +
      ` the Prometheus operator for \`monitoring/\`${opts.externalSecrets ? ' and External Secrets Operator with a ClusterSecretStore `aws-secrets-manager`' : ''}.`,
    '',
    '```sh',
    `kubectl apply -k ${K8S_DIR}/cluster            # once per cluster: the house rules as Kyverno policies`,
    ...envs.map((e) => `kubectl apply -k ${K8S_DIR}/overlays/${e}`),
    '```',
    '',
    '## Releasing an image',
    '',
    'Overlays carry the tag `unreleased` until the pipeline pins the image it built (a digest is safest):',
    '',
    '```sh',
    `cd ${K8S_DIR}/overlays/prod`,
    first ? `kustomize edit set image ${imageName(app, first.name)}=<registry>/${imageName(app, first.name)}@sha256:<digest>` : '',
    '```',
    '',
    '## Sizing (docs/tiers.md)',
    '',
    `| component | kind | tier | CPU request / limit | memory request / limit | ${envs.map((e) => `replicas ${e}`).join(' | ')} |`,
    `| --- | --- | --- | --- | --- | ${envs.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
    '## Secrets',
    '',
    opts.externalSecrets
      ? 'Each overlay\'s `external-secrets.yaml` fills the Secrets from AWS Secrets Manager (`<app>/<env>/<component or service>`).'
      : 'Manifests reference Secrets by name and never hold values. Create them once per environment:',
    '',
    ...(opts.externalSecrets ? [] : secrets),
  ];
  return { path: `${K8S_DIR}/README.md`, content: `${lines.join('\n').trimEnd()}\n` };
}
