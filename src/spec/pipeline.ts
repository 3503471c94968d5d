import { z } from 'zod';

/**
 * The `pipeline:` and `environments:` sections of slipway.yaml. Absent means "the
 * default pipeline derived from the components" (src/pipeline).
 */
export const BUILTIN_ACTIONS = [
  'install', 'build', 'test', 'review-gate', 'image-build', 'image-push', 'render', 'deploy', 'validate', 'approval',
] as const;

export const PipelineStep = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][-a-z0-9_]*$/),
    uses: z.enum(BUILTIN_ACTIONS).optional().describe('A built-in action'),
    run: z.string().optional().describe('A shell command, run in the run workspace'),
    component: z.string().optional(),
    needs: z.array(z.string()).default([]),
    env: z.record(z.string(), z.string()).default({}),
    secrets: z.array(z.string()).default([]).describe('Names of secrets the step may read; their values are masked in logs'),
    inputs: z.array(z.string()).optional().describe('File globs whose content keys the step cache'),
    timeout: z.string().optional().describe('e.g. "10m"'),
    retries: z.number().int().min(0).max(10).default(0),
    when: z
      .strictObject({ branch: z.array(z.string()).optional(), environment: z.array(z.string()).optional() })
      .optional(),
    with: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  })
  .refine((s) => Boolean(s.uses) !== Boolean(s.run), { message: 'a step has exactly one of `uses` or `run`' });
export type PipelineStep = z.infer<typeof PipelineStep>;

export const PipelineSpec = z.strictObject({
  steps: z.array(PipelineStep).min(1),
});
export type PipelineSpec = z.infer<typeof PipelineSpec>;

export const ENVIRONMENT_NAMES = ['dev', 'test', 'prod'] as const;
export const EnvironmentSpec = z.strictObject({
  port: z.number().int().min(1).max(65535).optional().describe('Public port of the local proxy for this environment'),
  approval: z.boolean().optional().describe('Deploys need `slipway approve` (default: true for prod)'),
  target: z.enum(['local', 'kubernetes']).default('local'),
});
export type EnvironmentSpec = z.infer<typeof EnvironmentSpec>;
