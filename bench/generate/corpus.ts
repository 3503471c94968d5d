import { existsSync } from 'node:fs';
import { checkoutsDir, corpusFile, loadCorpus, repoDir } from '../analyze/corpus.js';

/** A corpus entry (../shared/corpus/dev.json) whose checkout exists on this machine. */
export interface CorpusRepo {
  repo: string;
  dir: string;
}

/** The first `count` distinct repositories of the corpus that are checked out, in corpus order. */
export function corpusRepos(count: number): CorpusRepo[] {
  const seen = new Set<string>();
  const out: CorpusRepo[] = [];
  for (const entry of loadCorpus(corpusFile())) {
    if (seen.has(entry.repo)) continue;
    seen.add(entry.repo);
    const dir = repoDir(checkoutsDir(), entry);
    if (existsSync(dir)) out.push({ repo: entry.repo, dir });
    if (out.length === count) break;
  }
  return out;
}
