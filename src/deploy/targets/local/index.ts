import { EXIT, UserError } from '../../../errors.js';
import { environmentPort } from '../../../spec/environments.js';
import type { DeployOutcome, DeployTarget, EnvironmentStatus, ReleaseInfo, TargetRequest } from '../../target.js';
import { ensureAgent, type AgentHandle } from './ensure-agent.js';
import { ensureEnvDirs, envPaths } from './paths.js';
import { createRelease } from './release-store.js';
import { readState } from './state.js';

/**
 * The embedded target: this machine. The caller's process copies the bundle into a release
 * directory and hands the rollout to the environment's agent, a detached process that holds
 * the public port (Slipway's proxy) and supervises the releases after the caller exits.
 */
export const localTarget: DeployTarget = {
  id: 'local',

  async deploy(req) {
    const port = portOf(req);
    const paths = envPaths(req.projectDir, req.env);
    ensureEnvDirs(paths);
    const secretKeys = [...new Set([...(req.secretKeys ?? []), ...req.spec.components.flatMap((c) => c.env.filter((e) => e.secret).map((e) => e.name))])];
    const a = req.artifact;
    const stored = createRelease(paths, {
      ...(a.kind === 'bundle' ? { bundleDir: a.dir } : {}),
      images: a.images ?? {},
      spec: req.spec,
      config: req.config,
      secretKeys,
      digest: req.artifact.digest,
      ...(req.runId ? { runId: req.runId } : {}),
    });
    req.log(`release ${stored.manifest.id}: ${a.kind === 'bundle' ? `copied ${a.dir} into ${stored.dir}` : `images ${Object.values(a.images).join(', ')}`}`);
    const agent = await started(req, 'always');
    if (req.signal?.aborted) throw new UserError('deploy cancelled before it started', EXIT.failure);
    return agent.client.call<DeployOutcome>('/deploy', { releaseId: stored.manifest.id, port, options: req.options ?? {} }, req.log);
  },

  async rollback(req) {
    const agent = await started(req, 'always');
    return agent.client.call<DeployOutcome>('/rollback', { ...(req.to ? { to: req.to } : {}), port: portOf(req), options: req.options ?? {} }, req.log);
  },

  async releases(req): Promise<ReleaseInfo[]> {
    return (await this.status(req)).releases;
  },

  async status(req): Promise<EnvironmentStatus> {
    const agent = await ensureAgent(req.projectDir, req.env, { start: 'if-running' });
    if (!agent) return offlineStatus(req);
    const status = await agent.client.status<EnvironmentStatus>(10_000);
    if (!status) throw new UserError(`the ${req.env} agent did not answer`, EXIT.failure, `see ${agent.paths.agentLog}`);
    if (agent.started?.crashed) status.notes.unshift(`the ${req.env} agent was not running (it died); restarted it from ${agent.paths.state}`);
    return status;
  },

  async down(req) {
    const agent = await ensureAgent(req.projectDir, req.env, { start: 'if-running' });
    if (!agent) {
      req.log(`${req.env}: nothing is running`);
      return;
    }
    await agent.client.call('/down', {}, req.log);
    // The agent exits right after answering; wait for its socket to go so a new one can start.
    for (let i = 0; i < 100 && (await agent.client.status(500)); i++) await new Promise((r) => setTimeout(r, 50));
  },
};

function portOf(req: TargetRequest): number {
  try {
    return environmentPort(req.spec, req.env);
  } catch (err) {
    throw new UserError((err as Error).message, EXIT.usage);
  }
}

async function started(req: TargetRequest & { log: (line: string) => void }, start: 'always'): Promise<AgentHandle> {
  const agent = await ensureAgent(req.projectDir, req.env, { start });
  if (!agent) throw new Error('unreachable: ensureAgent(always) returned null');
  if (agent.started?.crashed) req.log(`the ${req.env} agent was not running (it died); restarted it from ${agent.paths.state}`);
  return agent;
}

/** What state.json says when no agent runs (never deployed, or after `slipway down`). */
function offlineStatus(req: TargetRequest): EnvironmentStatus {
  const state = readState(envPaths(req.projectDir, req.env).state, req.env);
  return {
    env: req.env,
    target: 'local',
    state: state.live ? 'stopped' : 'absent',
    live: state.live,
    releases: [...state.releases].reverse().map((r) => ({ id: r.id, createdAt: r.createdAt, digest: r.digest, state: r.state === 'pending' ? 'failed' : r.state, ...(r.reason ? { reason: r.reason } : {}) })),
    instances: [],
    notes: [],
  };
}
