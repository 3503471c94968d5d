import type { AppSpec } from '../spec/app-spec.js';
import type { TextEdit } from './fix/text-edit.js';
import type { Location, RuleMeta, Target } from './model.js';
import type { CiDoc } from './parse/ci.js';
import type { ComposeDoc } from './parse/compose.js';
import type { ConfigDoc } from './parse/config.js';
import type { DockerfileDoc } from './parse/dockerfile.js';
import type { K8sSet } from './parse/k8s.js';
import type { SpecDoc } from './parse/spec.js';
import type { TfModule } from './parse/terraform-module.js';

/** What each target's rules receive. */
export interface RuleInputs {
  dockerfile: DockerfileDoc;
  compose: ComposeDoc;
  k8s: K8sSet;
  terraform: TfModule;
  ci: CiDoc;
  config: ConfigDoc;
  spec: SpecDoc;
}

/** Facts about the whole repository that some rules need (pure data, gathered by the loader). */
export interface ReviewContext {
  /** Every file of the repository (relative posix paths). */
  files: ReadonlySet<string>;
  /** Text of small auxiliary files: .gitignore and .dockerignore. */
  aux: ReadonlyMap<string, string>;
  /** slipway.yaml, when present and valid. */
  spec: AppSpec | undefined;
  /** image name → a tag the repository pins it to somewhere (for tag-pinning fixes). */
  imageTags: ReadonlyMap<string, string>;
}

/** One problem a rule saw. `subject` groups violations of one examined thing (for scoring). */
export interface Violation {
  location: Location;
  message: string;
  subject: number;
  /** Kubernetes annotations of the object, read by `slipway.dev/ignore` suppressions. */
  annotations?: Record<string, string>;
  /** Computes the text edits that fix it; absent when no safe rewrite exists. */
  fix?: () => TextEdit[];
}

export interface CheckResult {
  /** How many things the rule examined (containers, buckets, Dockerfiles …). */
  checked: number;
  violations: Violation[];
}

export type Draft = Omit<Violation, 'subject'>;

export interface Rule<T extends Target = Target> {
  meta: RuleMeta & { target: T; fixable?: boolean };
  check(input: RuleInputs[T], ctx: ReviewContext): CheckResult;
}

export type AnyRule = { [T in Target]: Rule<T> }[Target];

export function defineRule<T extends Target>(rule: Rule<T>): Rule<T> {
  return rule;
}

/** Examines each item; whatever `fn` returns are that item's violations. */
export function each<T>(items: readonly T[], fn: (item: T) => Draft | Draft[] | null | undefined | false): CheckResult {
  const violations: Violation[] = [];
  items.forEach((item, subject) => {
    const out = fn(item);
    if (!out) return;
    for (const v of Array.isArray(out) ? out : [out]) violations.push({ ...v, subject });
  });
  return { checked: items.length, violations };
}

export const NOTHING: CheckResult = { checked: 0, violations: [] };
