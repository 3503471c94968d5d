import { createHash } from 'node:crypto';
import type { Artifact, DeployTarget } from '../../../deploy/target.js';
import { createBundle } from '../../artifact/bundle.js';
import { ancestors } from '../../plan/run-plan.js';
import type { StepContext } from '../types.js';

export interface RunArtifact {
  artifact: Artifact;
  /** The step that produced it (promotion reuses it; it is never rebuilt for a later environment). */
  from: string;
}

/**
 * The artifact this run deploys: the one an earlier deploy of the same run used (promotion:
 * dev, test and prod get the same digest); else, for this machine, a release bundle made from
 * the workspace now (with the images of container-mode components); for a cluster, the images
 * the image steps built (pushed references first).
 */
export function runArtifact(ctx: StepContext, target: DeployTarget['id']): RunArtifact {
  for (const s of ctx.plan.steps) {
    const a = ctx.results.get(s.id)?.artifact as Artifact | undefined;
    if (a && s.def.uses === 'deploy' && (target === 'local' ? a.kind === 'bundle' : a.kind === 'image')) return { artifact: a, from: s.id };
  }
  const { images, ids } = builtImages(ctx);
  if (target === 'kubernetes') {
    if (!Object.keys(images).length) throw new Error('the kubernetes target deploys images: add image-build (and image-push) steps, or set components[].deploy.mode: container');
    return { artifact: { kind: 'image', images, digest: digestOf(ids) }, from: ctx.step.id };
  }
  const bundle = createBundle(ctx.workspace, ctx.paths.artifacts, derivationKey(ctx));
  ctx.log(`release bundle ${bundle.digest.slice(0, 19)}… (${bundle.files} files${bundle.reused ? ', unchanged since an earlier run' : ''})`);
  const digest = ids.length ? digestOf([bundle.digest, ...ids]) : bundle.digest;
  return { artifact: { kind: 'bundle', dir: bundle.dir, digest, ...(ids.length ? { images } : {}) }, from: ctx.step.id };
}

function builtImages(ctx: StepContext): { images: Record<string, string>; ids: string[] } {
  const images: Record<string, string> = {};
  const ids: string[] = [];
  for (const s of ctx.plan.steps) {
    const r = ctx.results.get(s.id);
    if (s.def.uses === 'image-build' && typeof r?.image === 'string' && s.def.component) {
      images[s.def.component] = r.image;
      ids.push(`${s.def.component}=${String(r.imageId ?? r.image)}`);
    }
  }
  // Pushed references win: a cluster pulls from the registry, not from this machine.
  for (const s of ctx.plan.steps) {
    const pushed = ctx.results.get(s.id)?.pushed;
    if (s.def.uses === 'image-push' && pushed && typeof pushed === 'object') Object.assign(images, pushed as Record<string, string>);
  }
  return { images, ids: ids.sort() };
}

function digestOf(parts: string[]): string {
  return `sha256:${createHash('sha256').update(parts.join('\n')).digest('hex')}`;
}

/** Source digest + keys of every step before this one; null when one ran without a key. */
function derivationKey(ctx: StepContext): string | null {
  const before = [...ancestors(ctx.plan.steps, ctx.step.id)].sort();
  const keys: string[] = [];
  for (const id of before) {
    const status = ctx.statuses.get(id);
    if (status === 'skipped') continue;
    const planned = ctx.plan.steps.find((s) => s.id === id);
    // Checks and deploys change nothing in the workspace: they do not shape the bundle.
    if (planned?.def.uses && ['review-gate', 'approval', 'validate', 'deploy', 'image-build', 'image-push'].includes(planned.def.uses)) continue;
    const key = ctx.cacheKeys.get(id);
    if (!key) return null;
    keys.push(`${id}=${key}`);
  }
  return createHash('sha256').update(`${ctx.sourceDigest}\n${keys.join('\n')}`).digest('hex').slice(0, 40);
}
