import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../fs/atomic-write.js';
import { contentHash, listFiles } from '../../cache/file-tree.js';

/**
 * The review reads only deployment files (Dockerfiles, compose, Kubernetes, Terraform, CI,
 * config — src/review/load/discover.ts `classify`) plus the list of paths. Its result is cached
 * on exactly that, with the rule set and the policy, so a change to application code re-runs
 * the tests but not the (slow) review. Entries: .slipway/cache/review/<key>.json.
 */
export function reviewCacheKey(workspace: string, classify: (path: string) => unknown, rules: readonly unknown[], policy: unknown): string {
  // Only deployment files are read; every other file counts by its path.
  const files = listFiles(workspace, ['**']);
  const h = createHash('sha256');
  h.update(JSON.stringify({ policy, rules: rules.map((r) => (r as { meta?: unknown }).meta ?? null), day: new Date().toISOString().slice(0, 10) }));
  for (const f of files) h.update(`\n${f.path}${classify(f.path) ? `\0${contentHash(f)}` : ''}`);
  return h.digest('hex').slice(0, 32);
}

export function readCachedReview<T>(cacheRoot: string, key: string): T | null {
  const file = join(cacheRoot, 'review', `${key}.json`);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

export function writeCachedReview(cacheRoot: string, key: string, value: unknown): void {
  writeFileAtomic(join(cacheRoot, 'review', `${key}.json`), JSON.stringify(value));
}
