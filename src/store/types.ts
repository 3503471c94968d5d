/**
 * Slipway's state: runs, steps, log index, artifacts, releases, deployments, approvals and
 * environment locks. One interface (`Store`), two backends: embedded SQLite (default,
 * <project>/.slipway/slipway.db) and PostgreSQL (SLIPWAY_DATABASE_URL=postgres://…).
 * Timestamps are ISO-8601 strings in UTC.
 */

export const RUN_STATUSES = ['queued', 'running', 'waiting-approval', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** A run in one of these states has no runner working on it and never will again by itself. */
export const FINISHED_RUN_STATUSES: readonly RunStatus[] = ['succeeded', 'failed', 'cancelled', 'interrupted'];

export const STEP_STATUSES = ['pending', 'running', 'succeeded', 'cached', 'failed', 'skipped', 'cancelled', 'interrupted', 'waiting'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
/** Step states that satisfy a `needs` edge. */
export const DONE_STEP_STATUSES: readonly StepStatus[] = ['succeeded', 'cached', 'skipped'];

/** Which process works on a run (or holds a lock): dead owners are detected after a crash. */
export interface Owner {
  pid: number;
  host: string;
  /** Process start time (Linux: /proc/<pid>/stat), so a recycled pid is not mistaken for the owner. */
  startedAt: string;
}

export interface NewRun {
  project: string;
  projectDir: string;
  trigger: 'cli' | 'up' | 'webhook' | 'resume' | 'api';
  source: string;
  branch?: string | null;
  targetEnv?: string | null;
}

export interface RunRecord {
  id: number;
  project: string;
  projectDir: string;
  status: RunStatus;
  trigger: string;
  source: string;
  commit: string | null;
  branch: string | null;
  targetEnv: string | null;
  /** The resolved plan (JSON) the run executes; a resume executes the same plan. */
  plan: string | null;
  workspace: string | null;
  owner: Owner | null;
  heartbeatAt: string | null;
  cancelRequested: boolean;
  attempts: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export type RunPatch = Partial<Pick<RunRecord, 'status' | 'commit' | 'branch' | 'plan' | 'workspace' | 'error' | 'startedAt' | 'finishedAt' | 'targetEnv'>>;

export interface StepRecord {
  runId: number;
  stepId: string;
  seq: number;
  stage: string;
  status: StepStatus;
  attempt: number;
  cacheKey: string | null;
  cacheHit: boolean;
  /** Process group of the step's command while it runs (killed on recovery after a crash). */
  pid: number | null;
  pidStartedAt: string | null;
  exitCode: number | null;
  error: string | null;
  /** Small JSON the step publishes for later steps (artifact digest, coverage …). */
  outputs: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
}

export type StepPatch = Partial<Omit<StepRecord, 'runId' | 'stepId' | 'seq' | 'stage'>>;

export interface LogIndexEntry {
  runId: number;
  stepId: string;
  attempt: number;
  path: string;
  bytes: number;
  lines: number;
}

export interface ArtifactRecord {
  digest: string;
  project: string;
  kind: 'bundle' | 'image';
  /** Bundle directory, or JSON of component → image reference. */
  location: string;
  runId: number | null;
  createdAt: string;
}

export interface DeploymentRecord {
  id: number;
  project: string;
  env: string;
  runId: number | null;
  artifactDigest: string;
  /** Hash of artifact + environment config + deploy-relevant spec: equal keys mean "already deployed". */
  deployKey: string | null;
  releaseId: string | null;
  status: 'running' | 'succeeded' | 'failed' | 'rolled-back';
  reason: string | null;
  url: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

export interface ReleaseRecord {
  project: string;
  env: string;
  releaseId: string;
  digest: string;
  runId: number | null;
  createdAt: string;
}

export interface ApprovalRecord {
  runId: number;
  stepId: string;
  env: string;
  approvedBy: string;
  comment: string | null;
  approvedAt: string;
}

export interface EnvLock {
  project: string;
  env: string;
  runId: number | null;
  owner: Owner;
  acquiredAt: string;
}

export type LockResult = { ok: true } | { ok: false; holder: EnvLock };

/** Decides whether a recorded owner still runs (pid alive, same start time, same host). */
export type OwnerCheck = (owner: Owner, heartbeatAt: string | null) => boolean;

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;

  createRun(run: NewRun, owner: Owner): Promise<RunRecord>;
  getRun(id: number): Promise<RunRecord | undefined>;
  listRuns(opts?: { project?: string; limit?: number }): Promise<RunRecord[]>;
  updateRun(id: number, patch: RunPatch): Promise<void>;
  /** Takes over a run for `owner` (resume, approve) unless a live runner owns it. */
  claimRun(id: number, owner: Owner, alive: OwnerCheck): Promise<{ ok: true } | { ok: false; holder: Owner }>;
  heartbeat(id: number): Promise<void>;
  requestCancel(id: number): Promise<void>;
  /** Marks runs whose runner died (and their running steps) as interrupted; returns them. */
  recoverInterrupted(alive: OwnerCheck): Promise<{ run: RunRecord; steps: StepRecord[] }[]>;

  /** Writes the planned steps of a run (replacing none that exist). */
  addSteps(runId: number, steps: Pick<StepRecord, 'stepId' | 'seq' | 'stage'>[]): Promise<void>;
  updateStep(runId: number, stepId: string, patch: StepPatch): Promise<void>;
  listSteps(runId: number): Promise<StepRecord[]>;

  indexLog(entry: LogIndexEntry): Promise<void>;
  listLogs(runId: number, stepId?: string): Promise<LogIndexEntry[]>;

  putArtifact(a: Omit<ArtifactRecord, 'createdAt'>): Promise<void>;
  getArtifact(digest: string): Promise<ArtifactRecord | undefined>;

  startDeployment(d: Pick<DeploymentRecord, 'project' | 'env' | 'runId' | 'artifactDigest' | 'deployKey'>): Promise<number>;
  finishDeployment(id: number, patch: Pick<DeploymentRecord, 'status' | 'releaseId' | 'reason' | 'url' | 'durationMs'>): Promise<void>;
  listDeployments(opts: { project: string; env?: string; limit?: number }): Promise<DeploymentRecord[]>;

  recordRelease(r: Omit<ReleaseRecord, 'createdAt'>): Promise<void>;
  listReleases(project: string, env: string): Promise<ReleaseRecord[]>;

  approve(a: Omit<ApprovalRecord, 'approvedAt'>): Promise<void>;
  getApproval(runId: number, stepId: string): Promise<ApprovalRecord | undefined>;

  /** One deploy at a time per environment; a lock whose owner died is taken over. */
  acquireEnvLock(project: string, env: string, runId: number | null, owner: Owner, alive: OwnerCheck): Promise<LockResult>;
  releaseEnvLock(project: string, env: string, owner: Owner): Promise<void>;
}
