import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve } from 'node:path';
import { asArray, asObject } from '../parse/k8s.js';
import type { YamlDoc } from '../parse/yaml.js';

/** A kustomization.yaml and what it points at (repository-relative paths). */
export interface Kustomization {
  file: string;
  dir: string;
  /** Files listed under resources. */
  resourceFiles: string[];
  /** Directories listed under resources/bases/components (other kustomizations). */
  children: string[];
  /** Patch files (not complete objects: never reviewed on their own). */
  patchFiles: string[];
  /** A resource is remote (a URL): rendering would need the network, so it is not done. */
  remote: string | undefined;
}

const REMOTE = /^(https?:|git@|ssh:|github\.com\/|gitlab\.com\/|bitbucket\.org\/)|\?ref=|\/\//;

export function readKustomization(file: string, doc: YamlDoc | undefined, files: ReadonlySet<string>): Kustomization {
  const dir = posix.dirname(file);
  const v = asObject(doc?.value) ?? {};
  const k: Kustomization = { file, dir, resourceFiles: [], children: [], patchFiles: [], remote: undefined };
  const at = (p: string): string => posix.normalize(dir === '.' ? p : `${dir}/${p}`);
  for (const key of ['resources', 'bases', 'components']) {
    for (const entry of asArray(v[key]).map(String)) {
      if (REMOTE.test(entry)) {
        k.remote ??= entry;
        continue;
      }
      const p = at(entry);
      if (files.has(p)) k.resourceFiles.push(p);
      else k.children.push(p);
    }
  }
  const patchPaths = [
    ...asArray(v.patches).map((p) => asObject(p)?.path),
    ...asArray(v.patchesStrategicMerge).map((p) => (typeof p === 'string' && !p.includes('\n') ? p : undefined)),
    ...asArray(v.patchesJson6902).map((p) => asObject(p)?.path),
  ];
  for (const p of patchPaths) if (typeof p === 'string' && files.has(at(p))) k.patchFiles.push(at(p));
  return k;
}

export type RenderResult = { ok: true; yaml: string; originBase: string } | { ok: false; message: string; missingTool?: boolean };

/**
 * Renders one kustomization with `kubectl kustomize` (the edge: a process). A temporary
 * wrapper adds `buildMetadata: [originAnnotations]` so every rendered object names the file
 * it came from; the repository itself is never written to. Remote bases are refused by
 * the caller, plugins and Helm stay disabled (kubectl's defaults), so nothing from the
 * repository runs.
 */
export function renderKustomization(root: string, k: Kustomization, kubectl = 'kubectl'): Promise<RenderResult> {
  const wrapper = mkdtempSync(join(tmpdir(), 'slipway-kustomize-'));
  const target = relative(wrapper, resolve(root, k.dir)).split('\\').join('/');
  writeFileSync(join(wrapper, 'kustomization.yaml'), `resources:\n  - ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`);
  return new Promise((done) => {
    execFile(kubectl, ['kustomize', wrapper], { timeout: 30_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      rmSync(wrapper, { recursive: true, force: true });
      if (err) {
        const missingTool = (err as NodeJS.ErrnoException).code === 'ENOENT';
        const message = missingTool ? `${kubectl} not found` : (stderr.trim().split('\n').pop() ?? err.message);
        done({ ok: false, message: message.replace(wrapper, '.'), missingTool });
      } else done({ ok: true, yaml: stdout, originBase: wrapper });
    });
  });
}

/** The repository-relative file an `config.kubernetes.io/origin` annotation names. */
export function originFile(root: string, originBase: string, annotation: string | undefined): string | undefined {
  const m = annotation ? /(?:^|\n)path:\s*(.+)/.exec(annotation) : null;
  if (!m) return undefined;
  const abs = resolve(originBase, m[1]!.trim().replace(/^['"]|['"]$/g, ''));
  const rel = relative(root, abs).split('\\').join('/');
  return rel.startsWith('..') ? undefined : rel;
}
