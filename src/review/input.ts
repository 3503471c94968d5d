import type { CiDoc } from './parse/ci.js';
import type { ComposeDoc } from './parse/compose.js';
import type { ConfigDoc } from './parse/config.js';
import type { DockerfileDoc } from './parse/dockerfile.js';
import type { K8sSet } from './parse/k8s.js';
import type { ParseProblem, SourceText } from './parse/source.js';
import type { SpecDoc } from './parse/spec.js';
import type { TfModule } from './parse/terraform-module.js';
import type { ReviewContext } from './rule.js';

/** Everything the (pure) rule engine reviews: parsed files plus repository facts. */
export interface ReviewInput {
  dockerfiles: DockerfileDoc[];
  composes: ComposeDoc[];
  k8sSets: K8sSet[];
  tfModules: TfModule[];
  ci: CiDoc[];
  configs: ConfigDoc[];
  specs: SpecDoc[];
  problems: ParseProblem[];
  /** Text of every file read, for inline suppressions and fixes. */
  sources: Map<string, SourceText>;
  context: ReviewContext;
  /** Things the user should know about how the review ran (a tool missing …). */
  notes: string[];
}
