import type { ApprovalRecord, ArtifactRecord, DeploymentRecord, LockResult, LogIndexEntry, NewRun, Owner, OwnerCheck, ReleaseRecord, RunPatch, RunRecord, StepPatch, StepRecord, Store } from '../types.js';
import type { SqlDb } from './db.js';
import { sameOwner } from '../owner.js';
import { migrate } from './migrations.js';
import { RUN_COLUMNS, setClause, STEP_COLUMNS, toApproval, toArtifact, toDeployment, toLock, toLog, toRelease, toRun, toStep } from './rows.js';

const now = () => new Date().toISOString();

/** The one Store implementation; SQLite and PostgreSQL differ only in their SqlDb adapter. */
export class SqlStore implements Store {
  private constructor(private readonly db: SqlDb) {}

  static async open(db: SqlDb): Promise<SqlStore> {
    await migrate(db);
    return new SqlStore(db);
  }

  get kind(): 'sqlite' | 'postgres' {
    return this.db.dialect;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async createRun(run: NewRun, owner: Owner): Promise<RunRecord> {
    const at = now();
    const row = await this.db.get(
      `INSERT INTO runs (project, project_dir, status, trigger_kind, source, branch, target_env, owner_pid, owner_host, owner_started_at, heartbeat_at, created_at)
       VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      [run.project, run.projectDir, run.trigger, run.source, run.branch ?? null, run.targetEnv ?? null, owner.pid, owner.host, owner.startedAt, at, at],
    );
    return toRun(row!);
  }

  async getRun(id: number): Promise<RunRecord | undefined> {
    const row = await this.db.get('SELECT * FROM runs WHERE id = ?', [id]);
    return row ? toRun(row) : undefined;
  }

  async listRuns(opts: { project?: string; limit?: number } = {}): Promise<RunRecord[]> {
    const where = opts.project ? 'WHERE project = ?' : '';
    const params: unknown[] = opts.project ? [opts.project] : [];
    const rows = await this.db.all(`SELECT * FROM runs ${where} ORDER BY id DESC LIMIT ?`, [...params, opts.limit ?? 50]);
    return rows.map(toRun);
  }

  async updateRun(id: number, patch: RunPatch): Promise<void> {
    const set = setClause(patch, RUN_COLUMNS);
    if (set.sql) await this.db.run(`UPDATE runs SET ${set.sql} WHERE id = ?`, [...set.values, id]);
  }

  async claimRun(id: number, owner: Owner, alive: OwnerCheck): Promise<{ ok: true } | { ok: false; holder: Owner }> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get(`SELECT * FROM runs WHERE id = ?${forUpdate(tx)}`, [id]);
      if (!row) throw new Error(`run ${id} does not exist`);
      const run = toRun(row);
      const active = run.status === 'running' || run.status === 'queued';
      if (active && run.owner && alive(run.owner, run.heartbeatAt)) return { ok: false as const, holder: run.owner };
      await tx.run(
        `UPDATE runs SET status = 'running', owner_pid = ?, owner_host = ?, owner_started_at = ?, heartbeat_at = ?,
         cancel_requested = 0, attempts = attempts + 1, error = NULL, finished_at = NULL WHERE id = ?`,
        [owner.pid, owner.host, owner.startedAt, now(), id],
      );
      return { ok: true as const };
    });
  }

  async heartbeat(id: number): Promise<void> {
    const at = now();
    await this.db.run('UPDATE runs SET heartbeat_at = ? WHERE id = ?', [at, id]);
    await this.db.run('UPDATE env_locks SET heartbeat_at = ? WHERE run_id = ?', [at, id]);
  }

  async requestCancel(id: number): Promise<void> {
    await this.db.run('UPDATE runs SET cancel_requested = 1 WHERE id = ?', [id]);
  }

  async recoverInterrupted(alive: OwnerCheck): Promise<{ run: RunRecord; steps: StepRecord[] }[]> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.all(`SELECT * FROM runs WHERE status IN ('queued', 'running')${forUpdate(tx)}`);
      const out: { run: RunRecord; steps: StepRecord[] }[] = [];
      for (const run of rows.map(toRun)) {
        if (run.owner && alive(run.owner, run.heartbeatAt)) continue;
        const steps = (await tx.all(`SELECT * FROM steps WHERE run_id = ? AND status = 'running'`, [run.id])).map(toStep);
        const at = now();
        const who = run.owner ? `pid ${run.owner.pid} on ${run.owner.host}` : 'unknown process';
        const error = `the runner (${who}) stopped without finishing${steps.length ? ` during step ${steps.map((s) => s.stepId).join(', ')}` : ''}; resume with \`slipway pipeline resume ${run.id}\``;
        await tx.run(`UPDATE steps SET status = 'interrupted', finished_at = ?, error = ? WHERE run_id = ? AND status = 'running'`, [at, 'interrupted: the runner stopped', run.id]);
        await tx.run(`UPDATE runs SET status = 'interrupted', finished_at = ?, error = ? WHERE id = ?`, [at, error, run.id]);
        await tx.run('DELETE FROM env_locks WHERE run_id = ?', [run.id]);
        out.push({ run: { ...run, status: 'interrupted', finishedAt: at, error }, steps });
      }
      return out;
    });
  }

  async addSteps(runId: number, steps: Pick<StepRecord, 'stepId' | 'seq' | 'stage'>[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const s of steps) {
        await tx.run(
          `INSERT INTO steps (run_id, step_id, seq, stage, status) VALUES (?, ?, ?, ?, 'pending') ON CONFLICT (run_id, step_id) DO NOTHING`,
          [runId, s.stepId, s.seq, s.stage],
        );
      }
    });
  }

  async updateStep(runId: number, stepId: string, patch: StepPatch): Promise<void> {
    const set = setClause(patch, STEP_COLUMNS);
    if (set.sql) await this.db.run(`UPDATE steps SET ${set.sql} WHERE run_id = ? AND step_id = ?`, [...set.values, runId, stepId]);
  }

  async listSteps(runId: number): Promise<StepRecord[]> {
    return (await this.db.all('SELECT * FROM steps WHERE run_id = ? ORDER BY seq', [runId])).map(toStep);
  }

  async indexLog(e: LogIndexEntry): Promise<void> {
    await this.db.run(
      `INSERT INTO log_index (run_id, step_id, attempt, path, bytes, lines, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (run_id, step_id, attempt) DO UPDATE SET path = excluded.path, bytes = excluded.bytes, lines = excluded.lines, updated_at = excluded.updated_at`,
      [e.runId, e.stepId, e.attempt, e.path, e.bytes, e.lines, now()],
    );
  }

  async listLogs(runId: number, stepId?: string): Promise<LogIndexEntry[]> {
    const rows = stepId
      ? await this.db.all('SELECT * FROM log_index WHERE run_id = ? AND step_id = ? ORDER BY attempt', [runId, stepId])
      : await this.db.all(
          'SELECT l.* FROM log_index l JOIN steps s ON s.run_id = l.run_id AND s.step_id = l.step_id WHERE l.run_id = ? ORDER BY s.seq, l.attempt',
          [runId],
        );
    return rows.map(toLog);
  }

  async putArtifact(a: Omit<ArtifactRecord, 'createdAt'>): Promise<void> {
    await this.db.run(
      `INSERT INTO artifacts (project, digest, kind, location, run_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (project, digest) DO UPDATE SET location = excluded.location`,
      [a.project, a.digest, a.kind, a.location, a.runId, now()],
    );
  }

  async getArtifact(digest: string): Promise<ArtifactRecord | undefined> {
    const row = await this.db.get('SELECT * FROM artifacts WHERE digest = ? ORDER BY created_at DESC LIMIT 1', [digest]);
    return row ? toArtifact(row) : undefined;
  }

  async startDeployment(d: Pick<DeploymentRecord, 'project' | 'env' | 'runId' | 'artifactDigest' | 'deployKey'>): Promise<number> {
    const row = await this.db.get(
      `INSERT INTO deployments (project, env, run_id, artifact_digest, deploy_key, status, started_at) VALUES (?, ?, ?, ?, ?, 'running', ?) RETURNING id`,
      [d.project, d.env, d.runId, d.artifactDigest, d.deployKey, now()],
    );
    return Number(row!.id);
  }

  async finishDeployment(id: number, p: Pick<DeploymentRecord, 'status' | 'releaseId' | 'reason' | 'url' | 'durationMs'>): Promise<void> {
    await this.db.run('UPDATE deployments SET status = ?, release_id = ?, reason = ?, url = ?, duration_ms = ?, finished_at = ? WHERE id = ?', [
      p.status, p.releaseId, p.reason, p.url, p.durationMs, now(), id,
    ]);
  }

  async listDeployments(opts: { project: string; env?: string; limit?: number }): Promise<DeploymentRecord[]> {
    const rows = opts.env
      ? await this.db.all('SELECT * FROM deployments WHERE project = ? AND env = ? ORDER BY id DESC LIMIT ?', [opts.project, opts.env, opts.limit ?? 50])
      : await this.db.all('SELECT * FROM deployments WHERE project = ? ORDER BY id DESC LIMIT ?', [opts.project, opts.limit ?? 50]);
    return rows.map(toDeployment);
  }

  async recordRelease(r: Omit<ReleaseRecord, 'createdAt'>): Promise<void> {
    await this.db.run(
      `INSERT INTO releases (project, env, release_id, digest, run_id, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project, env, release_id) DO NOTHING`,
      [r.project, r.env, r.releaseId, r.digest, r.runId, now()],
    );
  }

  async listReleases(project: string, env: string): Promise<ReleaseRecord[]> {
    return (await this.db.all('SELECT * FROM releases WHERE project = ? AND env = ? ORDER BY created_at DESC, release_id DESC', [project, env])).map(toRelease);
  }

  async approve(a: Omit<ApprovalRecord, 'approvedAt'>): Promise<void> {
    await this.db.run(
      `INSERT INTO approvals (run_id, step_id, env, approved_by, comment, approved_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, step_id) DO NOTHING`,
      [a.runId, a.stepId, a.env, a.approvedBy, a.comment, now()],
    );
  }

  async getApproval(runId: number, stepId: string): Promise<ApprovalRecord | undefined> {
    const row = await this.db.get('SELECT * FROM approvals WHERE run_id = ? AND step_id = ?', [runId, stepId]);
    return row ? toApproval(row) : undefined;
  }

  async acquireEnvLock(project: string, env: string, runId: number | null, owner: Owner, alive: OwnerCheck): Promise<LockResult> {
    return this.db.transaction(async (tx) => {
      const at = now();
      const inserted = await tx.run(
        `INSERT INTO env_locks (project, env, run_id, owner_pid, owner_host, owner_started_at, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (project, env) DO NOTHING`,
        [project, env, runId, owner.pid, owner.host, owner.startedAt, at, at],
      );
      if (inserted.changes === 1) return { ok: true as const };
      const row = (await tx.get(`SELECT * FROM env_locks WHERE project = ? AND env = ?${forUpdate(tx)}`, [project, env]))!;
      const holder = toLock(row);
      if (!sameOwner(holder.owner, owner) && alive(holder.owner, String(row.heartbeat_at))) return { ok: false as const, holder };
      await tx.run(
        `UPDATE env_locks SET run_id = ?, owner_pid = ?, owner_host = ?, owner_started_at = ?, acquired_at = ?, heartbeat_at = ? WHERE project = ? AND env = ?`,
        [runId, owner.pid, owner.host, owner.startedAt, at, at, project, env],
      );
      return { ok: true as const };
    });
  }

  async releaseEnvLock(project: string, env: string, owner: Owner): Promise<void> {
    await this.db.run('DELETE FROM env_locks WHERE project = ? AND env = ? AND owner_pid = ? AND owner_host = ? AND owner_started_at = ?', [
      project, env, owner.pid, owner.host, owner.startedAt,
    ]);
  }
}

function forUpdate(db: SqlDb): string {
  return db.dialect === 'postgres' ? ' FOR UPDATE' : '';
}
