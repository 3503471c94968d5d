import picomatch from 'picomatch';
import type { AppSpec } from '../../spec/app-spec.js';
import { environmentNames } from '../../spec/environments.js';
import { pipelineStages, type PipelineSpec, type PipelineStep } from '../../spec/pipeline.js';
import { defaultPipeline } from './default-pipeline.js';

export interface PlannedStep {
  id: string;
  stage: string;
  seq: number;
  /** Explicit needs plus every step of the previous stage. */
  needs: string[];
  def: PipelineStep;
  /** Set when `when` rules the step out of this run: it is recorded as skipped. */
  skip?: string;
  /** Before --from-step: taken from the cache, or skipped when nothing later needs it. */
  cacheOnly?: boolean;
  /** slipway.yaml key path that defines the step (for error messages) … */
  origin: string;
  /** … and its line, when slipway.yaml has it. */
  line?: number;
  /** A step Slipway adds itself: the mirror push after everything else succeeded. */
  internal?: 'mirror';
}

/** What a run executes; stored with the run so a resume replays exactly the same plan. */
export interface RunPlan {
  version: 1;
  source: 'slipway.yaml' | 'default';
  /** Environments this run goes to, in promotion order. */
  envs: string[];
  branch: string | null;
  concurrency: number;
  fromStep: string | null;
  mirror: PipelineSpec['mirror'] | null;
  steps: PlannedStep[];
}

export interface PlanOptions {
  /** Last environment to reach (dev → test → prod order); default: all. */
  env?: string | undefined;
  branch?: string | null | undefined;
  fromStep?: string | undefined;
}

export class PlanError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'PlanError';
  }
}

export function planRun(spec: AppSpec, opts: PlanOptions = {}): RunPlan {
  const pipeline = spec.pipeline ?? defaultPipeline(spec);
  const declared = environmentNames(spec);
  let envs = declared;
  if (opts.env) {
    const at = declared.indexOf(opts.env);
    if (at < 0) throw new PlanError(`unknown environment "${opts.env}" (known: ${declared.join(', ')})`, 'declare it under environments: in slipway.yaml');
    envs = declared.slice(0, at + 1);
  }
  const branch = opts.branch ?? null;
  const stages = pipelineStages(pipeline);
  const key = pipeline.stages ? 'stages' : 'steps';
  const steps: PlannedStep[] = [];
  let previous: string[] = [];
  stages.forEach((stage, si) => {
    const ids: string[] = [];
    stage.steps.forEach((def, i) => {
      const origin = spec.pipeline ? (key === 'stages' ? `pipeline.stages[${si}].steps[${i}]` : `pipeline.steps[${i}]`) : defaultOrigin(spec, def);
      const needs = [...new Set([...previous, ...def.needs])];
      steps.push({ id: def.id, stage: stage.name, seq: steps.length, needs, def, origin, ...skipReason(def, envs, branch) });
      ids.push(def.id);
    });
    previous = ids;
  });
  if (pipeline.mirror) {
    const def = { id: 'mirror', run: 'git push (mirror)', needs: [], env: {}, secrets: [], cache: false, retries: 1, with: {} } as PipelineStep;
    steps.push({ id: 'mirror', stage: 'mirror', seq: steps.length, needs: steps.map((s) => s.id), def, origin: 'pipeline.mirror', internal: 'mirror' });
  }
  if (opts.fromStep) markFromStep(steps, opts.fromStep);
  return { version: 1, source: spec.pipeline ? 'slipway.yaml' : 'default', envs, branch, concurrency: pipeline.concurrency ?? 2, fromStep: opts.fromStep ?? null, mirror: pipeline.mirror ?? null, steps };
}

function skipReason(def: PipelineStep, envs: string[], branch: string | null): { skip?: string } {
  const onlyEnvs = def.when?.environment;
  if (onlyEnvs && !onlyEnvs.some((e) => envs.includes(e))) return { skip: `this run does not go to ${onlyEnvs.join('/')}` };
  if (def.environment && !envs.includes(def.environment) && def.uses) return { skip: `this run does not go to ${def.environment}` };
  const branches = def.when?.branch;
  if (branches) {
    if (!branch) return { skip: `only on branch ${branches.join(', ')} (this run has no branch)` };
    if (!picomatch.isMatch(branch, branches)) return { skip: `only on branch ${branches.join(', ')} (this run: ${branch})` };
  }
  return {};
}

function markFromStep(steps: PlannedStep[], fromStep: string): void {
  const start = steps.find((s) => s.id === fromStep);
  if (!start) throw new PlanError(`--from-step: no step "${fromStep}" (steps: ${steps.map((s) => s.id).join(', ')})`);
  for (const s of steps) if (s.seq < start.seq) s.cacheOnly = true;
}

/** Default steps point at the component command they run. */
function defaultOrigin(spec: AppSpec, def: PipelineStep): string {
  const i = spec.components.findIndex((c) => c.name === def.component);
  if (i >= 0 && (def.uses === 'install' || def.uses === 'build' || def.uses === 'test')) return `components[${i}].commands.${def.uses}`;
  if (def.environment) return `environments.${def.environment}`;
  return 'pipeline (default)';
}

/** The run deploys somewhere (loads deploy targets, needs the source digest for its bundle). */
export function planDeploys(plan: RunPlan): boolean {
  return plan.steps.some((s) => s.def.uses === 'deploy' && !s.skip);
}

/** Ancestors of a step (everything it transitively needs). */
export function ancestors(steps: readonly PlannedStep[], id: string): Set<string> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const out = new Set<string>();
  const visit = (sid: string) => {
    for (const n of byId.get(sid)?.needs ?? []) {
      if (out.has(n)) continue;
      out.add(n);
      visit(n);
    }
  };
  visit(id);
  return out;
}

/** "slipway.yaml:17 pipeline.steps[2].run": where to fix a step, for messages. */
export function stepWhere(step: Pick<PlannedStep, 'origin' | 'line'>, suffix = ''): string {
  return `slipway.yaml${step.line ? `:${step.line}` : ''} ${step.origin}${suffix}`;
}
