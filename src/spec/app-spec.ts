import { z } from 'zod';
import { Component } from './component.js';
import { checkPipelineReferences, EnvironmentSpec, PipelineSpec } from './pipeline.js';

export const SPEC_VERSION = 1;

/** CI systems `slipway generate ci` writes pipelines for (src/render/ci, docs/ci.md). */
export const CI_TARGETS = ['github', 'gitlab', 'jenkins', 'bitbucket', 'codepipeline'] as const;

/** The App Spec: the contract between analysis and every renderer, runner and target. */
export const AppSpec = z
  .strictObject({
    version: z.literal(SPEC_VERSION),
    name: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and "-"'),
    components: z.array(Component).min(1),
    environments: z.record(z.string(), EnvironmentSpec).optional(),
    pipeline: PipelineSpec.optional(),
    ci: z
      .strictObject({ target: z.enum(CI_TARGETS).describe('CI the pipelines are written for') })
      .optional()
      .describe('`slipway generate ci` (and `generate all`) writes for this CI; GitHub Actions when absent'),
  })
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.components.forEach((c, i) => {
      if (seen.has(c.name)) {
        ctx.addIssue({ code: 'custom', path: ['components', i, 'name'], message: `component name "${c.name}" is used twice` });
      }
      seen.add(c.name);
    });
    checkPipelineReferences(spec, ctx);
  })
  .describe('Slipway App Spec (slipway.yaml)');
export type AppSpec = z.infer<typeof AppSpec>;
/** What a user writes: defaults may be left out. */
export type AppSpecInput = z.input<typeof AppSpec>;
