import type { StepAction, StepContext, StepOutcome } from './types.js';

/**
 * Renders deployment files (Kubernetes overlays, compose, config …) into the run's workspace
 * from the App Spec, so later steps deploy what this commit's spec says. It writes through the
 * same edge as `slipway generate` (src/generate): files the team wrote are kept as they are.
 * `with.renderers`: comma-separated ids (default: all registered).
 */
export const renderAction: StepAction = {
  cachePolicy: () => null,
  async execute(ctx: StepContext): Promise<StepOutcome> {
    // The renderers (Terraform's parser among them) load only for pipelines that render.
    const { RENDERERS } = await import('../../render/index.js');
    const { SpecIncompleteError } = await import('../../render/renderer.js');
    const { planFiles } = await import('../../generate/plan.js');
    const { applyPlan } = await import('../../generate/apply.js');
    const wanted = typeof ctx.step.def.with.renderers === 'string' ? ctx.step.def.with.renderers.split(',').map((s) => s.trim()) : null;
    const renderers = RENDERERS.filter((r) => !wanted || wanted.includes(r.id));
    if (wanted) {
      const unknown = wanted.filter((id) => !RENDERERS.some((r) => r.id === id));
      if (unknown.length) return { status: 'failed', error: `unknown renderer(s) ${unknown.join(', ')} (known: ${RENDERERS.map((r) => r.id).join(', ')})` };
    }
    let written = 0;
    let kept = 0;
    for (const r of renderers) {
      let files;
      try {
        files = r.render(ctx.spec, {}).files;
      } catch (err) {
        if (err instanceof SpecIncompleteError) {
          ctx.log(`${r.id}: skipped — ${err.message}`);
          continue;
        }
        throw err;
      }
      const planned = planFiles(ctx.workspace, files);
      for (const p of planned.filter((x) => x.action === 'conflict')) ctx.log(`${p.file.path}: kept (written by the team)`);
      kept += planned.filter((x) => x.action === 'conflict').length;
      written += applyPlan(ctx.workspace, planned, { force: false }).length;
      ctx.log(`${r.id}: ${files.length} file(s)`);
    }
    return { status: 'succeeded', note: `${written} file(s) rendered${kept ? `, ${kept} kept` : ''}`, result: { rendered: written } };
  },
};
