import { resolve } from 'node:path';
import type { RunSource } from '../workspace/export-source.js';
import { git, isGitUrl, redactGitUrl, urlSecret } from '../workspace/git.js';
import type { StepAction, StepContext, StepOutcome } from './types.js';

/**
 * After a fully successful run, pushes the run's commit to a second remote (the seeds'
 * GitHub → CodeCommit sync): `pipeline.mirror.remote`, branch `mirror.branch` or the run's.
 * Pushed from the source repository (local path) or a fresh fetch of the source URL.
 */
export const mirrorAction: StepAction = {
  cachePolicy: () => null,
  async execute(ctx: StepContext): Promise<StepOutcome> {
    const mirror = ctx.plan.mirror!;
    const run = await ctx.store.getRun(ctx.runId);
    const source = (JSON.parse(run?.plan ?? '{}') as { runSource?: RunSource }).runSource;
    const commit = run?.commit;
    const branch = mirror.branch ?? run?.branch;
    for (const url of [mirror.remote, source && source.kind === 'remote' ? source.url : null]) {
      const secret = url ? urlSecret(url) : null;
      if (secret) ctx.masker.add(secret);
    }
    if (!source || source.kind === 'worktree' || !commit) {
      return { status: 'skipped', note: 'the run built a working tree, not a commit: nothing to mirror' };
    }
    if (!branch) return { status: 'failed', error: 'the run has no branch: set pipeline.mirror.branch' };
    const remote = isGitUrl(mirror.remote) ? mirror.remote : resolve(ctx.projectDir, mirror.remote);
    const refspec = `${commit}:refs/heads/${branch}`;
    ctx.log(`git push ${redactGitUrl(remote)} ${commit.slice(0, 12)}:${branch}`);
    try {
      if (source.kind === 'commit') {
        await git(['push', '--porcelain', remote, refspec], source.repo);
      } else {
        // A remote source was exported without history; a mirror needs it (a shallow repository
        // cannot push to an empty one), so fetch the branch whole into a scratch bare repository.
        const scratch = `${ctx.workspace}.mirror.git`;
        await git(['init', '--quiet', '--bare', scratch]);
        await git(['fetch', '--quiet', '--no-tags', source.url, source.branch ?? 'HEAD'], scratch);
        await git(['push', '--porcelain', remote, refspec], scratch);
      }
    } catch (err) {
      return { status: 'failed', error: `mirror push to ${redactGitUrl(remote)} failed: ${ctx.masker.mask((err as Error).message)}` };
    }
    return { status: 'succeeded', note: `${redactGitUrl(remote)} ${branch} → ${commit.slice(0, 12)}`, result: { mirrored: commit, branch } };
  },
};
