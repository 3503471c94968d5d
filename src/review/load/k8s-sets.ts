import { annotationsOf, asObject, toK8sObject, type K8sObject, type K8sSet } from '../parse/k8s.js';
import { classifyEnvironment, environmentFromPath, type Environment } from '../parse/terraform-module.js';
import { sourceText } from '../parse/source.js';
import { parseYamlFile, type YamlDoc } from '../parse/yaml.js';
import type { ReviewInput } from '../input.js';
import { originFile, readKustomization, renderKustomization, type Kustomization } from './kustomize.js';

const ORIGIN = 'config.kubernetes.io/origin';

/**
 * Groups Kubernetes objects into the sets rules review together: one per top-level
 * kustomization (rendered, each object traced back to the file that declares it) and one per
 * environment for the plain manifests no kustomization includes.
 */
export async function buildK8sSets(
  root: string,
  plain: K8sObject[],
  kustomizationFiles: string[],
  yamlDocs: Map<string, YamlDoc[]>,
  files: ReadonlySet<string>,
  input: ReviewInput,
  opts: { kustomize?: boolean; kubectl?: string },
): Promise<K8sSet[]> {
  const ks = new Map<string, Kustomization>();
  for (const f of kustomizationFiles) {
    const k = readKustomization(f, yamlDocs.get(f)?.[0], files);
    ks.set(k.dir, k);
  }
  const patchFiles = new Set([...ks.values()].flatMap((k) => k.patchFiles));
  const referenced = new Set([...ks.values()].flatMap((k) => k.children));
  const topLevel = [...ks.values()].filter((k) => !referenced.has(k.dir));

  const sets: K8sSet[] = [];
  const rendered = new Set<string>();
  if (opts.kustomize !== false && topLevel.length) {
    const results = await mapLimit(topLevel, 2, (k) => renderOne(root, k, ks, yamlDocs, input, opts.kubectl));
    for (const r of results) {
      if (!r) continue;
      sets.push(r.set);
      for (const f of r.owned) rendered.add(f);
    }
  }
  const loose = plain.filter((o) => !patchFiles.has(o.doc.source.path) && !rendered.has(o.doc.source.path));
  const byEnv = new Map<string, K8sObject[]>();
  for (const o of loose) {
    const env = environmentFromPath(o.doc.source.path) ?? classifyEnvironment(o.namespace) ?? 'unknown';
    const list = byEnv.get(env);
    if (list) list.push(o);
    else byEnv.set(env, [o]);
  }
  for (const [env, objects] of byEnv) {
    sets.push({ label: env === 'unknown' ? 'manifests' : `${env} manifests`, env: env === 'unknown' ? undefined : (env as Environment), objects });
  }
  return sets;
}

async function renderOne(
  root: string,
  k: Kustomization,
  ks: Map<string, Kustomization>,
  yamlDocs: Map<string, YamlDoc[]>,
  input: ReviewInput,
  kubectl: string | undefined,
): Promise<{ set: K8sSet; owned: string[] } | undefined> {
  const chain = collectChain(k, ks);
  const remote = chain.find((c) => c.remote);
  if (remote) {
    input.notes.push(`${remote.file}: not rendered (remote resource ${remote.remote}); its files are reviewed one by one`);
    return undefined;
  }
  const r = await renderKustomization(root, k, kubectl);
  if (!r.ok) {
    if (r.missingTool) input.notes.push(`${r.message}: kustomize overlays are reviewed file by file`);
    else input.problems.push({ file: k.file, line: 1, column: 1, message: `kustomize build failed: ${r.message}` });
    return undefined;
  }
  const out = parseYamlFile(sourceText(k.file, r.yaml));
  const patches = chain.flatMap((c) => c.patchFiles.flatMap((f) => yamlDocs.get(f) ?? []));
  const kustomizationDoc = yamlDocs.get(k.file)?.[0];
  const objects: K8sObject[] = [];
  for (const d of out.docs) {
    const obj = toK8sObject(d);
    if (!obj) continue;
    const origin = originFile(root, r.originBase, annotationsOf(obj.body)[ORIGIN]);
    stripOrigin(obj);
    const source = origin ? findSourceDoc(yamlDocs.get(origin) ?? [], obj) : undefined;
    const doc = source ?? kustomizationDoc;
    if (!doc) continue;
    obj.doc = doc;
    obj.patches = patches.filter((p) => sameObject(p, obj));
    objects.push(obj);
  }
  const env = environmentFromPath(k.dir) ?? classifyEnvironment(objects.find((o) => o.namespace)?.namespace);
  const owned = chain.flatMap((c) => c.resourceFiles);
  return { set: { label: k.dir === '.' ? 'kustomization' : k.dir, env, objects }, owned };
}

function collectChain(k: Kustomization, ks: Map<string, Kustomization>, seen = new Set<string>()): Kustomization[] {
  if (seen.has(k.dir)) return [];
  seen.add(k.dir);
  return [k, ...k.children.flatMap((c) => (ks.has(c) ? collectChain(ks.get(c)!, ks, seen) : []))];
}

function stripOrigin(obj: K8sObject): void {
  const meta = asObject(obj.body.metadata);
  const ann = asObject(meta?.annotations);
  if (!meta || !ann) return;
  delete ann[ORIGIN];
  if (Object.keys(ann).length === 0) delete meta.annotations;
}

/** The document of the origin file declaring the object (names may carry a prefix/suffix). */
function findSourceDoc(docs: YamlDoc[], obj: K8sObject): YamlDoc | undefined {
  const candidates = docs.map((d) => ({ d, o: toK8sObject(d) })).filter((c) => c.o?.kind === obj.kind);
  const exact = candidates.find((c) => c.o!.name === obj.name);
  if (exact) return exact.d;
  const contained = candidates.filter((c) => c.o!.name && obj.name.includes(c.o!.name)).sort((a, b) => b.o!.name.length - a.o!.name.length);
  return contained[0]?.d ?? (candidates.length === 1 ? candidates[0]!.d : undefined);
}

function sameObject(patch: YamlDoc, obj: K8sObject): boolean {
  const p = toK8sObject(patch);
  return !!p && p.kind === obj.kind && !!p.name && obj.name.includes(p.name);
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
