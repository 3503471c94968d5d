import type { Note } from '../../analyze/notes.js';
import type { RenderedFile } from '../renderer.js';
import { BACKING_SERVICES } from './backing/catalog.js';
import { backingPolicy, backingService, backingStatefulSet, devConnectionUrl } from './backing/stateful-set.js';
import { configMap, namespace, unsetRequiredConfig } from './config/config-map.js';
import { externalSecret } from './config/external-secret.js';
import { kustomization, UNRELEASED_TAG } from './kustomization.js';
import { K8S_DIR, envProfile, imageName, namespaceName, secretName, serviceSecretName, workloadLabels, appLabels } from './names.js';
import { ingress } from './networking/ingress.js';
import type { K8sOptions } from './options.js';
import { hpa } from './scaling/autoscaling.js';
import { replicasFor } from './workload/resources.js';
import { yamlFile } from './serialize.js';
import type { Workload } from './workloads.js';

/**
 * One environment: its namespace, replica ranges, config values, Ingress hosts, image
 * pins, and its backing services — in-cluster StatefulSets for dev, the managed services
 * Terraform creates for test and prod (reached through the same `<app>-<type>` Secrets).
 */
export function overlayFiles(app: string, env: string, workloads: Workload[], opts: K8sOptions, notes: Note[]): RenderedFile[] {
  const dir = `${K8S_DIR}/overlays/${env}`;
  const ns = namespaceName(app, env);
  const profile = envProfile(env);
  const files: RenderedFile[] = [];
  const resources = ['../../base'];
  const add = (name: string, objects: object[], about: string) => {
    if (!objects.length) return;
    files.push({ path: `${dir}/${name}`, content: yamlFile(objects, about) });
    resources.push(name);
  };

  add('namespace.yaml', [namespace(app, ns, env)], `namespace of ${app} in ${env}`);
  const scaled = workloads.filter((w) => w.kind !== 'job');
  add('autoscaling.yaml', scaled.map((w) => hpa(app, w, replicasFor(w, profile))), `replica ranges for ${env} (tier × environment, docs/tiers.md)`);
  add('config.yaml', workloads.filter((w) => w.config.length).map((w) => configMap(app, w)), `non-secret settings for ${env}`);
  for (const w of workloads) {
    const unset = unsetRequiredConfig(w);
    if (unset.length) notes.push({ level: 'warn', message: `${env}: ${w.name} needs ${unset.join(', ')}`, file: `${dir}/config.yaml`, hint: 'add the values to the ConfigMap there' });
  }
  if (opts.serviceType === 'ClusterIP') {
    const hosts = workloads.filter((w): w is Workload & { port: number } => w.public && w.port !== undefined);
    add('ingress.yaml', hosts.map((w) => ingress(app, w, ns, hostFor(app, env, w.name, opts.domain))), `public hosts of ${app} in ${env}`);
  }
  const services = [...new Set(workloads.flatMap((w) => w.services))];
  if (profile === 'dev') {
    add('backing-services.yaml', services.flatMap((t) => [backingStatefulSet(app, t), backingService(app, t), backingPolicy(app, t)]), 'in-cluster backing services for dev');
  }
  if (opts.externalSecrets) {
    const synced = [
      ...workloads.filter((w) => w.secrets.length).map((w) => externalSecret(secretName(w), workloadLabels(app, w), `${app}/${env}/${w.name}`, w.secrets.map((v) => v.name))),
      ...services.map((t) => {
        const keys = profile === 'dev' && Object.values(BACKING_SERVICES[t].dev.env).includes('secret:password') ? ['url', 'password'] : ['url'];
        return externalSecret(serviceSecretName(app, t), appLabels(app), `${app}/${env}/${t}`, keys);
      }),
    ];
    add('external-secrets.yaml', synced, `Secrets synced from AWS Secrets Manager for ${env}`);
  } else {
    const needed = secretsToCreate(app, env, workloads).map((x) => x.name);
    if (needed.length) notes.push({ level: 'info', message: `${env}: create Secrets ${needed.join(', ')} before the first deploy`, hint: `the commands are in ${K8S_DIR}/README.md` });
  }
  const k = kustomization({
    namespace: ns,
    resources,
    ...(opts.prometheusRules ? { components: ['../../monitoring'] } : {}),
    images: workloads.map((w) => ({ name: imageName(app, w.name), newName: `${opts.registry}/${imageName(app, w.name)}`, newTag: UNRELEASED_TAG })),
  });
  files.unshift({ path: `${dir}/kustomization.yaml`, content: yamlFile([k], `${app} in ${env}; the pipeline pins images with \`kustomize edit set image\``) });
  return files;
}

export function hostFor(app: string, env: string, component: string, domain: string | undefined): string {
  const zone = domain ?? 'example.com';
  return env === 'prod' ? `${component}.${app}.${zone}` : `${component}.${env}.${app}.${zone}`;
}

/** Secrets are referenced, never written: what each environment needs created, with the command. */
export function secretsToCreate(app: string, env: string, workloads: Workload[]): { name: string; command: string }[] {
  const ns = namespaceName(app, env);
  const dev = envProfile(env) === 'dev';
  const out: { name: string; command: string }[] = [];
  for (const w of workloads) {
    if (!w.secrets.length) continue;
    const keys = w.secrets.map((v) => `--from-literal=${v.name}=…`).join(' ');
    out.push({ name: secretName(w), command: `kubectl -n ${ns} create secret generic ${secretName(w)} ${keys}` });
  }
  for (const t of [...new Set(workloads.flatMap((w) => w.services))]) {
    const url = dev ? devConnectionUrl(app, t) : `<${t} connection from Secrets Manager: ${app}/${env}/${t}>`;
    const password = dev && Object.values(BACKING_SERVICES[t].dev.env).includes('secret:password') ? ' --from-literal=password=…' : '';
    out.push({ name: serviceSecretName(app, t), command: `kubectl -n ${ns} create secret generic ${serviceSecretName(app, t)} --from-literal=url='${url}'${password}` });
  }
  return out;
}
