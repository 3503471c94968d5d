import { z } from 'zod';

/**
 * The `pipeline:` and `environments:` sections of slipway.yaml. Absent `pipeline` means "the
 * default pipeline derived from the components" (src/pipeline/plan/default-pipeline.ts).
 * Graph problems (duplicate ids, unknown `needs`, cycles) are zod issues with paths, so
 * src/spec/io.ts reports them with file and line like every other mistake.
 */
export const BUILTIN_ACTIONS = [
  'install', 'build', 'test', 'review-gate', 'image-build', 'image-push', 'render', 'deploy', 'validate', 'approval',
] as const;
export type BuiltinAction = (typeof BUILTIN_ACTIONS)[number];
/** Actions that act on one environment and need `environment:`. */
export const ENVIRONMENT_ACTIONS: readonly BuiltinAction[] = ['deploy', 'validate', 'approval'];

export const DURATION_PATTERN = /^(\d+)(ms|s|m|h)$/;
const stepId = z.string().regex(/^[a-z0-9][-a-z0-9_]*$/, 'lower-case letters, digits, "-" and "_"');
const envName = z.string().regex(/^[a-z0-9][-a-z0-9]*$/, 'lower-case letters, digits and "-"');

export const PipelineStep = z
  .strictObject({
    id: stepId,
    uses: z.enum(BUILTIN_ACTIONS).optional().describe('A built-in action'),
    run: z.string().min(1).optional().describe('A shell command (/bin/sh -c), run in the run workspace'),
    component: z.string().optional().describe('Component the step acts on; its path is the working directory'),
    environment: envName.optional().describe('Environment a deploy, validate or approval step acts on'),
    needs: z.array(stepId).default([]).describe('Steps that must finish first (besides the previous stage)'),
    env: z.record(z.string(), z.string()).default({}),
    secrets: z
      .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/))
      .default([])
      .describe('Secrets the step may read (process environment or config/<env>.secrets.env); masked in every log'),
    inputs: z.array(z.string().min(1)).optional().describe('File globs whose content keys the step cache; a `run` step without inputs is never cached'),
    outputs: z.array(z.string().min(1)).optional().describe('Paths the step produces: saved with its cache entry and restored on a hit'),
    cache: z.boolean().default(true).describe('false: always run'),
    timeout: z.string().regex(DURATION_PATTERN, 'a duration such as "90s", "10m" or "1h"').optional(),
    retries: z.number().int().min(0).max(10).default(0),
    when: z
      .strictObject({
        branch: z.array(z.string()).optional().describe('Branch globs; the step runs only on a matching branch'),
        environment: z.array(envName).optional().describe('The step runs only when the run goes to one of these environments'),
      })
      .optional(),
    with: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}).describe('Options of the built-in action'),
  })
  .superRefine((s, ctx) => {
    if (Boolean(s.uses) === Boolean(s.run)) ctx.addIssue({ code: 'custom', path: ['id'], message: 'a step has exactly one of `uses` or `run`' });
    if (s.uses && ENVIRONMENT_ACTIONS.includes(s.uses) && !s.environment) {
      ctx.addIssue({ code: 'custom', path: ['uses'], message: `\`uses: ${s.uses}\` needs \`environment:\` (dev, test, prod …)` });
    }
  });
export type PipelineStep = z.infer<typeof PipelineStep>;
export type PipelineStepInput = z.input<typeof PipelineStep>;

export const PipelineStage = z.strictObject({
  name: z.string().min(1),
  steps: z.array(PipelineStep).min(1),
});
export type PipelineStage = z.infer<typeof PipelineStage>;

export const MirrorSpec = z
  .strictObject({
    remote: z.string().min(1).describe('Git URL or path pushed to after a successful run (e.g. the CodeCommit copy of a GitHub repo)'),
    branch: z.string().optional().describe('Branch to update on the mirror (default: the run\'s branch)'),
  })
  .describe('Optional mirror push after a successful run');

export const PipelineSpec = z
  .strictObject({
    stages: z.array(PipelineStage).min(1).optional().describe('Stages run in order; every step needs the whole previous stage'),
    steps: z.array(PipelineStep).min(1).optional().describe('Shorthand for a single stage: order comes from `needs` alone'),
    concurrency: z.number().int().min(1).max(32).optional().describe('Steps run at once (default 2)'),
    mirror: MirrorSpec.optional(),
  })
  .superRefine((p, ctx) => {
    if (Boolean(p.stages) === Boolean(p.steps)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'write either `stages:` or `steps:`' });
      return;
    }
    checkGraph(p, ctx);
  });
export type PipelineSpec = z.infer<typeof PipelineSpec>;

/** Stages of a pipeline, with the `steps:` shorthand as one stage. */
export function pipelineStages(p: Pick<PipelineSpec, 'stages' | 'steps'>): PipelineStage[] {
  return p.stages ?? [{ name: 'pipeline', steps: p.steps ?? [] }];
}

interface Located {
  step: PipelineStep;
  stage: number;
  path: (string | number)[];
}

/** Every step with its stage index and its path in the YAML (under `prefix`). */
function locatedSteps(p: Pick<PipelineSpec, 'stages' | 'steps'>, prefix: string[] = []): Located[] {
  return pipelineStages(p).flatMap((stage, si) =>
    stage.steps.map((step, i) => ({ step, stage: si, path: p.stages ? [...prefix, 'stages', si, 'steps', i] : [...prefix, 'steps', i] })),
  );
}

/** Duplicate ids, unknown needs, needs on a later stage, cycles: each issue points at its line. */
function checkGraph(p: PipelineSpec, ctx: z.RefinementCtx): void {
  const byId = new Map<string, Located>();
  for (const located of locatedSteps(p)) {
    const { step, path } = located;
    if (byId.has(step.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `step id "${step.id}" is used twice` });
    else byId.set(step.id, located);
  }
  for (const { step, stage, path } of byId.values()) {
    step.needs.forEach((need, n) => {
      const target = byId.get(need);
      if (!target) ctx.addIssue({ code: 'custom', path: [...path, 'needs', n], message: `unknown step "${need}" (known: ${[...byId.keys()].join(', ')})` });
      else if (target.stage > stage) ctx.addIssue({ code: 'custom', path: [...path, 'needs', n], message: `"${need}" is in a later stage` });
    });
  }
  const cycle = findCycle(byId);
  if (cycle) {
    const at = byId.get(cycle[0]!)!;
    ctx.addIssue({ code: 'custom', path: [...at.path, 'needs'], message: `steps depend on each other in a cycle: ${cycle.join(' → ')}` });
  }
}

function findCycle(byId: Map<string, Located>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const need of byId.get(id)?.step.needs ?? []) {
      if (!byId.has(need)) continue;
      const found = visit(need);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of byId.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}

/** Checks that need the whole App Spec (component names); called from AppSpec's refinement. */
export function checkPipelineReferences(
  spec: { components: { name: string }[]; pipeline?: PipelineSpec | undefined },
  ctx: z.RefinementCtx,
): void {
  if (!spec.pipeline) return;
  const names = new Set(spec.components.map((c) => c.name));
  for (const { step, path } of locatedSteps(spec.pipeline, ['pipeline'])) {
    if (step.component && !names.has(step.component)) {
      ctx.addIssue({ code: 'custom', path: [...path, 'component'], message: `unknown component "${step.component}" (known: ${[...names].join(', ')})` });
    }
    const perComponent = step.uses === 'install' || step.uses === 'build' || step.uses === 'test';
    if (perComponent && !step.component && names.size > 1) {
      ctx.addIssue({ code: 'custom', path: [...path, 'uses'], message: `\`uses: ${step.uses}\` needs \`component:\` when there are several components` });
    }
  }
}

export const ENVIRONMENT_NAMES = ['dev', 'test', 'prod'] as const;
export const EnvironmentSpec = z.strictObject({
  port: z.number().int().min(1).max(65535).optional().describe('Public port of the local proxy for this environment'),
  approval: z.boolean().optional().describe('Deploys need `slipway approve` (default: true for prod)'),
  target: z.enum(['local', 'kubernetes']).default('local'),
});
export type EnvironmentSpec = z.infer<typeof EnvironmentSpec>;
