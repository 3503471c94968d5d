import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

/** An entry of shared/corpus/dev.json (the fields the bench reads). */
export interface CorpusEntry {
  repo: string;
  app_dir: string;
  dockerfile_path: string;
  port: number | null;
  npm_only_buildable: boolean | null;
}

export function corpusFile(): string {
  const candidates = [process.env['SLIPWAY_CORPUS'], join(process.cwd(), '..', 'shared', 'corpus', 'dev.json'), '/work/shared/corpus/dev.json'];
  const found = candidates.find((c): c is string => Boolean(c && existsSync(c)));
  if (!found) throw new Error('corpus dev.json not found: set SLIPWAY_CORPUS');
  return found;
}

export function reposDir(): string {
  return process.env['SLIPWAY_CORPUS_REPOS'] ?? '/work/corpus-repos';
}

export function npmOnlyEntries(file: string): CorpusEntry[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as CorpusEntry[]).filter((e) => e.npm_only_buildable === true);
}

export function checkoutOf(entry: CorpusEntry): string {
  return join(reposDir(), entry.repo.replace('/', '+'));
}

/** A scratch copy outside the project (the checkout itself is never touched). */
export function scratchCopy(entry: CorpusEntry, root: string, side: 'ours' | 'theirs'): string {
  const dest = join(root, side, entry.repo.replace('/', '+'));
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
