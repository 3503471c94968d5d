import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadCorpus, repoDir, checkoutsDir, type CorpusEntry } from '../analyze/corpus.js';

/** A corpus entry the bench builds both ways: npm-only buildable, with the repository's own Dockerfile. */
export type BuildableEntry = CorpusEntry & { dockerfile_path: string };

export function npmOnlyEntries(file: string): BuildableEntry[] {
  return loadCorpus(file).filter((e): e is BuildableEntry => e.npm_only_buildable === true && e.dockerfile_path !== null);
}

export function checkoutOf(entry: CorpusEntry): string {
  return repoDir(checkoutsDir(), entry);
}

/** A scratch copy outside the project (the checkout itself is never touched). */
export function scratchCopy(entry: CorpusEntry, root: string, side: 'ours' | 'theirs'): string {
  const dest = repoDir(join(root, side), entry);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  cpSync(checkoutOf(entry), dest, { recursive: true, filter: (src) => !/(^|\/)(\.git|node_modules)$/.test(src) });
  return dest;
}

/**
 * Our side analyses the repository as if it had never been containerized: the repo's own
 * Dockerfiles and compose files (the answer) are removed from our copy.
 */
export function removeContainerFiles(dir: string): string[] {
  const removed: string[] = [];
  const walk = (d: string, depth: number) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory() && depth < 4 && e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p, depth + 1);
      else if (e.isFile() && (/^Dockerfile/.test(e.name) || /\.Dockerfile$/.test(e.name) || /compose.*\.ya?ml$/.test(e.name) || e.name === '.dockerignore')) {
        rmSync(p);
        removed.push(p);
      }
    }
  };
  walk(dir, 0);
  return removed.map((p) => basename(p));
}
