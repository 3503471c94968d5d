import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import type { RenderedFile } from '../render/renderer.js';
import { isOurs, readRecord } from './ownership.js';

export type FileAction = 'create' | 'update' | 'unchanged' | 'conflict';

export interface PlannedFile {
  file: RenderedFile;
  action: FileAction;
  /** Current content on disk (update / unchanged / conflict). */
  existing?: string;
}

/**
 * What writing these files would do. `conflict`: the path holds a file Slipway did not
 * write (or a directory / symlink), which is only replaced with --force (never a
 * directory or a symlink).
 */
export function planFiles(projectDir: string, files: RenderedFile[]): PlannedFile[] {
  const record = readRecord(projectDir);
  return files.map((file) => {
    const abs = join(projectDir, safeRelative(file.path));
    if (!existsSync(abs)) return { file, action: 'create' };
    const stat = lstatSync(abs);
    if (!stat.isFile()) return { file, action: 'conflict', existing: '' };
    const existing = readFileSync(abs, 'utf8');
    if (existing === file.content) return { file, action: 'unchanged', existing };
    return { file, action: isOurs(existing, file.path, record) ? 'update' : 'conflict', existing };
  });
}

/** A renderer path must stay inside the project. */
export function safeRelative(path: string): string {
  const n = normalize(path);
  if (isAbsolute(n) || n === '..' || n.startsWith(`..${sep}`)) throw new Error(`renderer produced a path outside the project: ${path}`);
  return n;
}
