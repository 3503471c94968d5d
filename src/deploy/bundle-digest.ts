import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIP = new Set(['.git', '.slipway', 'node_modules']);

/**
 * A cheap fingerprint of a directory deployed without a pipeline: paths, sizes and mtimes
 * (not contents; the pipeline records real content digests). Prefixed so nobody mistakes it.
 */
export function bundleFingerprint(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (SKIP.has(e.name)) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const s = statSync(p);
        h.update(`${relative(dir, p)}\0${s.size}\0${Math.trunc(s.mtimeMs)}\n`);
      }
    }
  };
  walk(dir);
  return `tree-sha256:${h.digest('hex')}`;
}
