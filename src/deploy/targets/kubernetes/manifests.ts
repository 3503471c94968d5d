import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { parseAllDocuments } from 'yaml';
import { EXIT, UserError } from '../../../errors.js';

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [k: string]: unknown };
  [k: string]: unknown;
}

// Apply order: what others refer to goes first (as `kubectl apply` and Helm do).
const ORDER = ['Namespace', 'ServiceAccount', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'Service', 'Deployment', 'StatefulSet', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Ingress'];

/** Builds the environment's overlay (k8s/overlays/<env>, written by `slipway generate k8s`) with `kubectl kustomize`. */
export async function buildOverlay(projectDir: string, env: string): Promise<KubeObject[]> {
  const dir = join(projectDir, 'k8s', 'overlays', env);
  if (!existsSync(join(dir, 'kustomization.yaml'))) {
    throw new UserError(`no Kubernetes overlay for ${env}: ${dir}/kustomization.yaml does not exist`, EXIT.usage, 'run `slipway generate k8s` first (or write the overlay by hand)');
  }
  const built = await execa('kubectl', ['kustomize', dir], { reject: false });
  if (built.exitCode !== 0) throw new UserError(`kubectl kustomize ${dir} failed: ${built.stderr.trim()}`, EXIT.usage);
  return parseManifests(built.stdout);
}

export function parseManifests(text: string): KubeObject[] {
  const objects = parseAllDocuments(text)
    .map((d) => d.toJS() as KubeObject | null)
    .filter((o): o is KubeObject => Boolean(o?.kind && o.metadata?.name));
  const rank = (k: string): number => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  return objects.sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** Sets each workload container named after a component to that component's image. */
export function setImages(objects: KubeObject[], images: Record<string, string>): string[] {
  const replaced: string[] = [];
  for (const o of objects) {
    const containers = (o as { spec?: { template?: { spec?: { containers?: { name: string; image?: string }[] } } } }).spec?.template?.spec?.containers ?? [];
    for (const c of containers) {
      const image = images[c.name] ?? (containers.length === 1 ? images[o.metadata.name] : undefined);
      if (image) {
        c.image = image;
        replaced.push(`${o.kind}/${o.metadata.name}:${c.name}`);
      }
    }
  }
  return replaced;
}

export function workloads(objects: KubeObject[]): KubeObject[] {
  return objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
}
