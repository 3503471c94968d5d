import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { GENERATED_MARKER } from '../render/renderer.js';

/**
 * Whose file is it? Ours when its first lines carry GENERATED_MARKER, or — for formats
 * without comments — when its content is exactly what Slipway last wrote there
 * (recorded in .slipway/generated.json). Anything else is the user's.
 */
const RECORD = join('.slipway', 'generated.json');
const MARKER_WINDOW = 512;

export type Record_ = Record<string, string>;

export function hasMarker(content: string): boolean {
  return content.slice(0, MARKER_WINDOW).includes(GENERATED_MARKER);
}

export function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

export function readRecord(projectDir: string): Record_ {
  const file = join(projectDir, RECORD);
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record_) : {};
  } catch {
    return {}; // a damaged record only means marker detection alone decides
  }
}

export function writeRecord(projectDir: string, record: Record_): void {
  writeFileAtomic(join(projectDir, RECORD), `${JSON.stringify(record, null, 2)}\n`);
}

export function isOurs(existing: string, path: string, record: Record_): boolean {
  return hasMarker(existing) || record[path] === sha256(existing);
}
