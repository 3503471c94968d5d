import { join } from 'node:path';
import { K8S_DIR } from '../names.js';
import { kustomizeBuild } from './kustomize.js';
import { KUBERNETES_SCHEMA_VERSION, validateManifests, type ManifestProblem } from './schema.js';

export { KUBERNETES_SCHEMA_VERSION, validateManifests, type ManifestProblem } from './schema.js';
export { kustomizeBuild } from './kustomize.js';

export interface CheckResult {
  check: string;
  ok: boolean;
  problems: string[];
}

/**
 * Every check of rendered k8s output, written under `root`: each file against the
 * Kubernetes OpenAPI schema (KUBERNETES_SCHEMA_VERSION), then `kubectl kustomize` of every
 * overlay and of cluster/ (which pull in base/ and monitoring/), and the schema again on what it built.
 */
export async function checkK8sOutput(root: string, files: Record<string, string>): Promise<CheckResult[]> {
  const yaml = Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith(`${K8S_DIR}/`) && p.endsWith('.yaml')));
  const fmt = (p: ManifestProblem) => `${p.file}: ${p.object}: ${p.message}`;
  const schema = await validateManifests(yaml);
  const results: CheckResult[] = [{ check: 'k8s schema', ok: schema.problems.length === 0 && schema.checked > 0, problems: schema.problems.map(fmt) }];
  // kustomize Components and the base are built through the overlays that include them.
  const dirs = Object.keys(yaml)
    .filter((p) => p.endsWith('/kustomization.yaml') && !/^kind: Component$/m.test(yaml[p] ?? ''))
    .map((p) => p.slice(0, -'/kustomization.yaml'.length))
    .filter((d) => d !== `${K8S_DIR}/base`)
    .sort();
  const builds = await Promise.all(dirs.map(async (dir) => ({ dir, built: await kustomizeBuild(join(root, dir)) })));
  const buildProblems: string[] = [];
  const builtProblems: string[] = [];
  for (const { dir, built } of builds) {
    if (!built.ok) {
      buildProblems.push(`${dir}: ${built.error}`);
      continue;
    }
    const v = await validateManifests({ [`kubectl kustomize ${dir}`]: built.yaml });
    builtProblems.push(...v.problems.map(fmt));
  }
  results.push(
    { check: 'kustomize build', ok: dirs.length > 0 && buildProblems.length === 0, problems: buildProblems },
    { check: 'k8s schema (built)', ok: builtProblems.length === 0 && buildProblems.length === 0, problems: builtProblems },
  );
  return results;
}
