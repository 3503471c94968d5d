import { loadEnvironmentConfig } from '../../../deploy/config.js';
import type { DeployOutcome } from '../../../deploy/target.js';
import { UserError } from '../../../errors.js';
import { formatMs } from '../../exec/duration.js';
import type { StepAction, StepContext, StepOutcome } from '../types.js';
import { runArtifact } from './artifact.js';
import { deployKey } from './deploy-key.js';
import { withEnvLock } from './env-lock.js';

/**
 * Deploys the run's artifact to one environment through its target (src/deploy). The first
 * deploy of a run makes the artifact; later environments get the same one (promotion). An
 * environment that already runs the same artifact with the same config is left alone
 * (reported as cached), so a no-change rerun deploys nothing.
 */
export const deployAction: StepAction = {
  cachePolicy: () => null,
  async execute(ctx: StepContext): Promise<StepOutcome> {
    const env = ctx.step.def.environment!;
    const target = ctx.targetFor(ctx.spec, env);
    const { artifact, from } = runArtifact(ctx, target.id);
    if (from !== ctx.step.id) ctx.log(`promoting the artifact of ${from}: ${artifact.digest}`);

    const config = loadEnvironmentConfig(ctx.projectDir, ctx.spec, env);
    for (const k of config.secretKeys) ctx.masker.add(config.values[k]);
    if (config.files.length) ctx.log(`config: ${config.files.map((f) => f.slice(ctx.projectDir.length + 1)).join(', ')}`);
    if (config.missingSecrets.length) {
      ctx.log(`warning: no value for required secret(s) ${config.missingSecrets.join(', ')}: set them in config/${env}.secrets.env or the environment`);
    }
    const key = deployKey(ctx.spec, env, artifact.digest, config.values);
    const published = { artifact, env, target: target.id };

    return withEnvLock(ctx, env, async () => {
      const current = await upToDate(ctx, env, key, artifact.digest);
      if (current) return { status: 'cached', note: `${env} already serves ${artifact.digest.slice(0, 19)}… (${current.releaseId})`, result: { ...published, releaseId: current.releaseId, url: current.url } };

      const deploymentId = await ctx.store.startDeployment({ project: ctx.project, env, runId: ctx.runId, artifactDigest: artifact.digest, deployKey: key });
      let outcome: DeployOutcome;
      try {
        outcome = await target.deploy({
          spec: ctx.spec, projectDir: ctx.projectDir, env, artifact, runId: String(ctx.runId), config: config.values,
          secretKeys: config.secretKeys, log: (l) => ctx.log(l), signal: ctx.signal,
        });
      } catch (err) {
        const message = err instanceof UserError ? `${err.message}${err.hint ? ` (${err.hint})` : ''}` : (err as Error).message;
        await ctx.store.finishDeployment(deploymentId, { status: 'failed', releaseId: null, reason: ctx.masker.mask(message), url: null, durationMs: null });
        return { status: 'failed', error: `deploy to ${env} failed: ${message}` };
      }
      const status = outcome.ok ? 'succeeded' : outcome.rolledBack ? 'rolled-back' : 'failed';
      const reason = outcome.ok ? null : ctx.masker.mask(outcome.rolledBack?.reason ?? outcome.error ?? 'failed');
      await ctx.store.finishDeployment(deploymentId, { status, releaseId: outcome.releaseId, reason, url: outcome.url ?? null, durationMs: outcome.durationMs });
      await ctx.store.recordRelease({ project: ctx.project, env, releaseId: outcome.releaseId, digest: artifact.digest, runId: ctx.runId });
      if (!outcome.ok) {
        const back = outcome.rolledBack;
        const restored = back ? (back.to ? `; rolled back to ${back.to} in ${formatMs(back.ms)}` : '; nothing was serving before, nothing serves now') : '';
        return { status: 'failed', error: `release ${outcome.releaseId} failed in ${env}: ${reason}${restored}` };
      }
      return { status: 'succeeded', note: `${outcome.releaseId} live at ${outcome.url ?? env} in ${formatMs(outcome.durationMs)}`, result: { ...published, releaseId: outcome.releaseId, url: outcome.url ?? null } };
    });
  },
};

/** The last deploy had the same key and the target still serves that artifact. */
async function upToDate(ctx: StepContext, env: string, key: string, digest: string): Promise<{ releaseId: string; url: string | null } | null> {
  const [last] = await ctx.store.listDeployments({ project: ctx.project, env, limit: 1 });
  if (!last || last.status !== 'succeeded' || last.deployKey !== key || !last.releaseId) return null;
  const status = await ctx.targetFor(ctx.spec, env).status({ spec: ctx.spec, projectDir: ctx.projectDir, env });
  const live = status.releases.find((r) => r.state === 'live');
  if (status.state !== 'running' || !live || live.digest !== digest) return null;
  return { releaseId: live.id, url: status.url ?? last.url };
}
