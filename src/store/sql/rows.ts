import type { ApprovalRecord, ArtifactRecord, DeploymentRecord, EnvLock, LogIndexEntry, Owner, ReleaseRecord, RunRecord, RunStatus, StepRecord, StepStatus } from '../types.js';
import type { Row } from './db.js';

// Row → record mappers: column names are snake_case, numbers may come back as strings (pg int8).
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function ownerOf(r: Row): Owner | null {
  const pid = num(r.owner_pid);
  if (pid === null) return null;
  return { pid, host: String(r.owner_host), startedAt: String(r.owner_started_at ?? '') };
}

export function toRun(r: Row): RunRecord {
  return {
    id: Number(r.id),
    project: String(r.project),
    projectDir: String(r.project_dir),
    status: String(r.status) as RunStatus,
    trigger: String(r.trigger_kind),
    source: String(r.source),
    commit: str(r.commit_sha),
    branch: str(r.branch),
    targetEnv: str(r.target_env),
    plan: str(r.plan),
    workspace: str(r.workspace),
    owner: ownerOf(r),
    heartbeatAt: str(r.heartbeat_at),
    cancelRequested: Number(r.cancel_requested) === 1,
    attempts: Number(r.attempts),
    error: str(r.error),
    createdAt: String(r.created_at),
    startedAt: str(r.started_at),
    finishedAt: str(r.finished_at),
  };
}

export function toStep(r: Row): StepRecord {
  return {
    runId: Number(r.run_id),
    stepId: String(r.step_id),
    seq: Number(r.seq),
    stage: String(r.stage),
    status: String(r.status) as StepStatus,
    attempt: Number(r.attempt),
    cacheKey: str(r.cache_key),
    cacheHit: Number(r.cache_hit) === 1,
    pid: num(r.pid),
    pidStartedAt: str(r.pid_started_at),
    exitCode: num(r.exit_code),
    error: str(r.error),
    outputs: str(r.outputs),
    startedAt: str(r.started_at),
    finishedAt: str(r.finished_at),
    durationMs: num(r.duration_ms),
  };
}

export function toLog(r: Row): LogIndexEntry {
  return { runId: Number(r.run_id), stepId: String(r.step_id), attempt: Number(r.attempt), path: String(r.path), bytes: Number(r.bytes), lines: Number(r.lines) };
}

export function toArtifact(r: Row): ArtifactRecord {
  return {
    digest: String(r.digest),
    project: String(r.project),
    kind: String(r.kind) as ArtifactRecord['kind'],
    location: String(r.location),
    runId: num(r.run_id),
    createdAt: String(r.created_at),
  };
}

export function toDeployment(r: Row): DeploymentRecord {
  return {
    id: Number(r.id),
    project: String(r.project),
    env: String(r.env),
    runId: num(r.run_id),
    artifactDigest: String(r.artifact_digest),
    deployKey: str(r.deploy_key),
    releaseId: str(r.release_id),
    status: String(r.status) as DeploymentRecord['status'],
    reason: str(r.reason),
    url: str(r.url),
    startedAt: String(r.started_at),
    finishedAt: str(r.finished_at),
    durationMs: num(r.duration_ms),
  };
}

export function toRelease(r: Row): ReleaseRecord {
  return { project: String(r.project), env: String(r.env), releaseId: String(r.release_id), digest: String(r.digest), runId: num(r.run_id), createdAt: String(r.created_at) };
}

export function toApproval(r: Row): ApprovalRecord {
  return { runId: Number(r.run_id), stepId: String(r.step_id), env: String(r.env), approvedBy: String(r.approved_by), comment: str(r.comment), approvedAt: String(r.approved_at) };
}

export function toLock(r: Row): EnvLock {
  return { project: String(r.project), env: String(r.env), runId: num(r.run_id), owner: ownerOf(r)!, acquiredAt: String(r.acquired_at) };
}

/** camelCase patch key → column, for the UPDATE builders. */
export const RUN_COLUMNS: Record<string, string> = {
  status: 'status', commit: 'commit_sha', branch: 'branch', plan: 'plan', workspace: 'workspace', error: 'error',
  startedAt: 'started_at', finishedAt: 'finished_at', targetEnv: 'target_env',
};
export const STEP_COLUMNS: Record<string, string> = {
  status: 'status', attempt: 'attempt', cacheKey: 'cache_key', cacheHit: 'cache_hit', pid: 'pid', pidStartedAt: 'pid_started_at',
  exitCode: 'exit_code', error: 'error', outputs: 'outputs', startedAt: 'started_at', finishedAt: 'finished_at', durationMs: 'duration_ms',
};

/** "a = ?, b = ?" and its values, for the keys of `patch` that map to a column. */
export function setClause(patch: Record<string, unknown>, columns: Record<string, string>): { sql: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const col = columns[key];
    if (!col || value === undefined) continue;
    parts.push(`${col} = ?`);
    values.push(value);
  }
  return { sql: parts.join(', '), values };
}
