import type { RenderedFile } from '../renderer.js';
import { deployment, job, serviceAccount } from './workload/deployment.js';
import { kustomization } from './kustomization.js';
import { K8S_DIR, appLabels } from './names.js';
import { securityHeaders } from './networking/ingress.js';
import { componentPolicy, defaultDeny } from './networking/network-policy.js';
import { service } from './networking/service.js';
import type { K8sOptions } from './options.js';
import { pdb } from './scaling/autoscaling.js';
import { yamlFile } from './serialize.js';
import type { Workload } from './workloads.js';

/** Everything that is the same in every environment: one file per component, plus the app-wide policies. */
export function baseFiles(app: string, workloads: Workload[], opts: K8sOptions): RenderedFile[] {
  const dir = `${K8S_DIR}/base`;
  const files: RenderedFile[] = [];
  for (const w of workloads) {
    const objects: object[] = [serviceAccount(app, w)];
    if (w.kind === 'job') {
      objects.push(job(app, w));
    } else {
      objects.push(deployment(app, w));
      if (w.port !== undefined) objects.push(service(app, { ...w, port: w.port }, opts.serviceType));
      objects.push(pdb(app, w));
    }
    objects.push(componentPolicy(app, w));
    files.push({ path: `${dir}/${w.name}.yaml`, content: yamlFile(objects, `component ${w.name} (${w.kind}, tier ${w.tier})`) });
  }
  const shared: object[] = [...defaultDeny(app)];
  if (workloads.some((w) => w.public)) shared.push(securityHeaders(app));
  files.push({ path: `${dir}/app.yaml`, content: yamlFile(shared, `network defaults and headers shared by ${app}'s components`) });
  const k = kustomization({
    resources: ['app.yaml', ...workloads.map((w) => `${w.name}.yaml`)],
    labels: [{ pairs: appLabels(app), includeSelectors: false }],
  });
  files.push({ path: `${dir}/kustomization.yaml`, content: yamlFile([k], `kustomize base of ${app}; overlays/<env> add the environment`) });
  return files;
}
