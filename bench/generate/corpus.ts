import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A corpus entry (../shared/corpus/dev.json) whose checkout exists on this machine. */
export interface CorpusRepo {
  repo: string;
  dir: string;
}

const CORPUS = process.env['SLIPWAY_CORPUS'] ?? '/work/shared/corpus/dev.json';
const CHECKOUTS = process.env['SLIPWAY_CORPUS_REPOS'] ?? '/work/corpus-repos';

/** The first `count` distinct repositories of the corpus that are checked out, in corpus order. */
export function corpusRepos(count: number): CorpusRepo[] {
  const entries = JSON.parse(readFileSync(CORPUS, 'utf8')) as { repo: string }[];
  const seen = new Set<string>();
  const out: CorpusRepo[] = [];
  for (const { repo } of entries) {
    if (seen.has(repo)) continue;
    seen.add(repo);
    const dir = join(CHECKOUTS, repo.replace('/', '+'));
    if (existsSync(dir)) out.push({ repo, dir });
    if (out.length === count) break;
  }
  return out;
}
