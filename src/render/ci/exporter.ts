import { CI_TARGETS } from '../../spec/app-spec.js';
import type { RenderedFile } from '../renderer.js';
import type { CiPlan, ComponentPipeline, InfraPipeline } from './model/types.js';

export { CI_TARGETS };
export type CiTarget = (typeof CI_TARGETS)[number];

/**
 * One CI system: turns the pipeline model into the files that CI reads. Pure; every
 * exporter passes the same contract suite (src/render/ci/contract.test.ts).
 */
export interface CiExporter {
  target: CiTarget;
  title: string;
  export(plan: CiPlan): RenderedFile[];
  /** Where a component's pipeline is defined (the runbook and docs name it). */
  componentFile(plan: CiPlan, p: ComponentPipeline): string;
  infraFile(plan: CiPlan, p: InfraPipeline): string;
  /** How a person approves a gated environment on this CI, for the runbook. */
  approvalHow(env: string): string;
}
