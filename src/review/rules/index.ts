import type { AnyRule } from '../rule.js';
import { CI_RULES } from './ci/index.js';
import { COMPOSE_RULES } from './compose/index.js';
import { CONFIG_RULES } from './config/index.js';
import { DOCKERFILE_RULES } from './dockerfile/index.js';
import { K8S_RULES } from './k8s/index.js';
import { SPEC_RULES } from './spec/index.js';
import { TERRAFORM_RULES } from './terraform/index.js';

/** Every review rule, grouped by target. Adding a rule: its file, one line in its group's index.ts, two fixtures. */
export const RULES: readonly AnyRule[] = [
  ...DOCKERFILE_RULES,
  ...COMPOSE_RULES,
  ...K8S_RULES,
  ...TERRAFORM_RULES,
  ...CI_RULES,
  ...CONFIG_RULES,
  ...SPEC_RULES,
] as AnyRule[];
