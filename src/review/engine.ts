import type { ReviewInput } from './input.js';
import type { Target } from './model.js';
import type { AnyRule, CheckResult, ReviewContext, Violation } from './rule.js';

/** One rule's result over every input of its target. Subjects are numbered across inputs. */
export interface RuleRun {
  rule: AnyRule;
  checked: number;
  violations: Violation[];
}

function inputsOf(input: ReviewInput, target: Target): readonly unknown[] {
  switch (target) {
    case 'dockerfile': return input.dockerfiles;
    case 'compose': return input.composes;
    case 'k8s': return input.k8sSets;
    case 'terraform': return input.tfModules;
    case 'ci': return input.ci;
    case 'config': return input.configs;
    case 'spec': return input.specs;
  }
}

/** Runs every rule over the inputs of its target. Pure: values in, values out. */
export function runRules(input: ReviewInput, rules: readonly AnyRule[]): RuleRun[] {
  return rules.map((rule) => {
    const check = rule.check as (i: unknown, ctx: ReviewContext) => CheckResult;
    let checked = 0;
    const violations: Violation[] = [];
    for (const item of inputsOf(input, rule.meta.target)) {
      const r = check(item, input.context);
      for (const v of r.violations) violations.push({ ...v, subject: v.subject + checked });
      checked += r.checked;
    }
    return { rule, checked, violations };
  });
}
