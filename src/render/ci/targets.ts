import type { Note } from '../../analyze/notes.js';
import { EXIT, UserError } from '../../errors.js';
import type { AppSpec } from '../../spec/app-spec.js';
import type { RenderOptions } from '../renderer.js';
import { CI_TARGETS, type CiTarget } from './exporter.js';

/** Other names people use for a target. */
const ALIASES: Record<string, CiTarget> = { codebuild: 'codepipeline', 'github-actions': 'github', actions: 'github', 'gitlab-ci': 'gitlab', 'bitbucket-pipelines': 'bitbucket' };

/**
 * Which CI to write for: `--target` (RenderOptions.target), else `ci.target` in
 * slipway.yaml, else GitHub Actions with a note saying how to choose.
 */
export function resolveTarget(spec: AppSpec, opts: RenderOptions): { target: CiTarget; notes: Note[] } {
  const asked = opts['target'];
  if (asked !== undefined) return { target: parseTarget(asked), notes: [] };
  // slipway.yaml's schema already admits only CI_TARGETS.
  if (spec.ci) return { target: spec.ci.target, notes: [] };
  return {
    target: 'github',
    notes: [{ level: 'info', message: 'CI pipelines written for GitHub Actions (the default)', hint: `name yours with \`ci: { target: … }\` in slipway.yaml or \`--target\`: ${CI_TARGETS.join(', ')}` }],
  };
}

function parseTarget(value: unknown): CiTarget {
  const v = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (typeof v === 'string' && (CI_TARGETS as readonly string[]).includes(v)) return v as CiTarget;
  // hasOwn: `constructor` or `toString` are not targets.
  if (typeof v === 'string' && Object.hasOwn(ALIASES, v)) return ALIASES[v]!;
  throw new UserError(`--target: unknown CI target ${JSON.stringify(value)}`, EXIT.usage, `use one of: ${CI_TARGETS.join(', ')}`);
}
