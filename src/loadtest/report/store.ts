import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import type { LoadTestReport } from './types.js';

/** Reports live in <project>/.slipway/loadtests/<id>.json, where the dashboard reads them. */
export const LOADTESTS_DIR = join('.slipway', 'loadtests');

/** Sortable and unique: lt-20250101-120000-1a2b. */
export function newReportId(at: Date = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `lt-${stamp}-${randomBytes(2).toString('hex')}`;
}

export function saveReport(projectDir: string, report: LoadTestReport): string {
  const file = join(projectDir, LOADTESTS_DIR, `${report.id}.json`);
  writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** Stored reports, newest first; unreadable files are skipped. */
export function listReports(projectDir: string): LoadTestReport[] {
  const dir = join(projectDir, LOADTESTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^lt-[\w-]+\.json$/.test(f))
    .sort()
    .reverse()
    .flatMap((f) => {
      try {
        const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as LoadTestReport;
        return r.version === 1 ? [r] : [];
      } catch {
        return [];
      }
    });
}
