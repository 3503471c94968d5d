import { stepWhere } from '../plan/run-plan.js';
import type { StepAction, StepContext, StepOutcome } from './types.js';

/**
 * image-build / image-push go through src/engine (docker or podman). The engine module loads
 * only when a pipeline has image steps, so process-mode pipelines — the default — never need
 * a container engine.
 */
export const imageBuildAction: StepAction = {
  cachePolicy: () => null,
  async execute(ctx: StepContext): Promise<StepOutcome> {
    if (!ctx.component) return { status: 'failed', error: `\`uses: image-build\` needs \`component:\` (${stepWhere(ctx.step)})` };
    const { buildComponents, detectEngine } = await import('../../engine/index.js');
    const engine = await detectEngine({ need: 'build' });
    ctx.log(`engine: ${engine.name}`);
    const [built] = await buildComponents({
      projectDir: ctx.workspace,
      spec: ctx.spec,
      engine,
      components: [ctx.component.name],
      onEvent: (e) => ctx.log(e.kind === 'step' ? e.text : e.kind === 'start' ? `building ${e.ref} (full log: ${e.log})` : `${e.kind} ${e.ref} in ${Math.round(e.ms)} ms`),
    });
    if (!built) return { status: 'failed', error: 'the engine built no image' };
    return { status: 'succeeded', note: built.ref, result: { image: built.ref, imageId: built.id } };
  },
};

export const imagePushAction: StepAction = {
  cachePolicy: () => null,
  async execute(ctx: StepContext): Promise<StepOutcome> {
    const registry = ctx.step.def.with.registry;
    if (typeof registry !== 'string') return { status: 'failed', error: `image-push needs with.registry (e.g. 127.0.0.1:5000) at ${stepWhere(ctx.step)}` };
    const { detectEngine, pushImage, tagImage } = await import('../../engine/index.js');
    const engine = await detectEngine({ need: 'build' });
    const pushed: Record<string, string> = {};
    for (const s of ctx.plan.steps) {
      const image = ctx.results.get(s.id)?.image;
      if (s.def.uses !== 'image-build' || typeof image !== 'string' || !s.def.component) continue;
      const target = `${registry.replace(/\/$/, '')}/${image}`;
      await tagImage(engine, image, target);
      ctx.log(`push ${target}`);
      await pushImage(engine, target, (l) => ctx.log(l));
      pushed[s.def.component] = target;
    }
    if (!Object.keys(pushed).length) return { status: 'failed', error: 'no image-build step before image-push produced an image' };
    return { status: 'succeeded', note: `${Object.keys(pushed).length} image(s) pushed to ${registry}`, result: { pushed } };
  },
};
