import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { readRecord, sha256, writeRecord } from './ownership.js';
import { safeRelative, type PlannedFile } from './plan.js';

/**
 * Writes created and updated files (and conflicts when forced), each atomically, then
 * records their hashes. Directories and symlinks in the way are never replaced.
 */
export function applyPlan(projectDir: string, planned: PlannedFile[], opts: { force: boolean }): PlannedFile[] {
  const written: PlannedFile[] = [];
  const record = readRecord(projectDir);
  for (const p of planned) {
    if (p.action === 'unchanged') {
      record[p.file.path] = sha256(p.file.content);
      continue;
    }
    if (p.action === 'conflict' && !opts.force) continue;
    const abs = join(projectDir, safeRelative(p.file.path));
    if (p.action === 'conflict' && !isRegularFile(abs)) continue;
    writeFileAtomic(abs, p.file.content, p.file.mode);
    record[p.file.path] = sha256(p.file.content);
    written.push(p);
  }
  writeRecord(projectDir, record);
  return written;
}

function isRegularFile(abs: string): boolean {
  try {
    return lstatSync(abs).isFile();
  } catch {
    return true; // gone since planning: writing creates it
  }
}
