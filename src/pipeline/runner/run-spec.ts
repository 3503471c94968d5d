import { EXIT, UserError } from '../../errors.js';
import type { AppSpec } from '../../spec/app-spec.js';
import { formatProblem } from '../../spec/errors.js';
import { loadSpec } from '../../spec/io.js';
import { lineOf, nodeAt } from '../../spec/yaml-doc.js';

/**
 * The App Spec a run follows: the exported source's slipway.yaml (the commit is the contract),
 * or an analysis of the source when it has none. Problems name slipway.yaml and the line,
 * relative to the source root (`label`).
 */
export async function loadRunSpec(workspace: string, label = 'slipway.yaml'): Promise<{ spec: AppSpec; origin: 'slipway.yaml' | 'analysis'; lineOf: (keyPath: string) => number | undefined }> {
  const loaded = loadSpec(workspace);
  if (loaded) {
    if (loaded.ok) {
      const { doc, lines } = loaded;
      return { spec: loaded.spec, origin: 'slipway.yaml', lineOf: (keyPath) => lineOf(nodeAt(doc, parseKeyPath(keyPath)).node, lines).line };
    }
    const lines = loaded.problems.map((p) => `  ${formatProblem({ ...p, file: label })}`);
    throw new UserError(`slipway.yaml is not valid:\n${lines.join('\n')}`, EXIT.usage, 'fix the lines above; schema/slipway.schema.json lists every key');
  }
  // The analyzer loads only for sources without slipway.yaml.
  const { analyzeProject } = await import('../../project/load.js');
  return { spec: analyzeProject(workspace).spec, origin: 'analysis', lineOf: () => undefined };
}

/** "pipeline.stages[1].steps[0]" → ['pipeline', 'stages', 1, 'steps', 0] */
function parseKeyPath(keyPath: string): (string | number)[] {
  return [...keyPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}
