import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../fs/atomic-write.js';

export type AuditResult =
  | { state: 'ok'; high: number; critical: number; total: number; top: string[] }
  | { state: 'skipped'; reason: string };

const UNREACHABLE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network|offline|audit endpoint returned an error/i;

/**
 * `npm audit --json` against the registry, for a component with a package-lock.json. It reads
 * the lockfile only (no install, no scripts). An unreachable registry is a skip, not a failure:
 * the gate says so in its report.
 */
export async function npmAudit(dir: string, env: NodeJS.ProcessEnv, cacheRoot?: string, timeoutMs = 60_000): Promise<AuditResult> {
  const lock = ['npm-shrinkwrap.json', 'package-lock.json'].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!lock) return { state: 'skipped', reason: 'no package-lock.json' };
  // Same lockfile, same registry, same day: same answer (advisories are published daily at most).
  const key = createHash('sha256').update(`${readFileSync(lock)}\0${env.npm_config_registry ?? ''}\0${new Date().toISOString().slice(0, 10)}`).digest('hex').slice(0, 32);
  const cacheFile = cacheRoot ? join(cacheRoot, 'audit', `${key}.json`) : null;
  if (cacheFile && existsSync(cacheFile)) {
    try {
      return JSON.parse(readFileSync(cacheFile, 'utf8')) as AuditResult;
    } catch {
      // An unreadable entry is audited again.
    }
  }
  const result = await runAudit(dir, env, timeoutMs);
  if (cacheFile && result.state === 'ok') writeFileAtomic(cacheFile, JSON.stringify(result));
  return result;
}

function runAudit(dir: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<AuditResult> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['audit', '--json', '--package-lock-only', '--audit-level=none', '--no-fund', '--no-update-notifier'],
      { cwd: dir, env: { ...env, npm_config_yes: 'false' }, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        let json: AuditJson | null = null;
        try {
          json = JSON.parse(stdout) as AuditJson;
        } catch {
          json = null;
        }
        if (json?.metadata?.vulnerabilities) {
          const v = json.metadata.vulnerabilities;
          const top = Object.values(json.vulnerabilities ?? {})
            .filter((x) => x.severity === 'high' || x.severity === 'critical')
            .slice(0, 5)
            .map((x) => `${x.name} (${x.severity})`);
          resolve({ state: 'ok', high: v.high ?? 0, critical: v.critical ?? 0, total: v.total ?? 0, top });
          return;
        }
        const why = `${json?.error?.code ?? ''} ${json?.error?.summary ?? ''} ${json?.message ?? ''} ${stderr} ${err?.message ?? ''}`;
        if (json?.statusCode === 404 || json?.statusCode === 405) resolve({ state: 'skipped', reason: `the registry does not offer npm audit (HTTP ${json.statusCode})` });
        else if (err && (err as { killed?: boolean }).killed) resolve({ state: 'skipped', reason: `npm audit timed out after ${timeoutMs / 1000} s` });
        else if (UNREACHABLE.test(why)) resolve({ state: 'skipped', reason: 'the npm registry is not reachable' });
        else resolve({ state: 'skipped', reason: `npm audit gave no report (${why.trim().split('\n')[0]?.slice(0, 160) || 'no output'})` });
      },
    );
  });
}

interface AuditJson {
  metadata?: { vulnerabilities?: { high?: number; critical?: number; total?: number } };
  vulnerabilities?: Record<string, { name: string; severity: string }>;
  error?: { code?: string; summary?: string };
  message?: string;
  statusCode?: number;
}
