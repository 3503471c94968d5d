import type { RepoView } from '../repo.js';

const INDEX = new WeakMap<RepoView, Map<string, string[]>>();

/**
 * Names of the files directly in `dir` (like RepoView.list(dir).files), from an index built
 * once per repository: collectors ask about many directories, and a listing per question
 * would walk every file of a large repository each time.
 */
export function filesIn(repo: RepoView, dir: string): readonly string[] {
  let index = INDEX.get(repo);
  if (!index) {
    index = new Map();
    for (const f of repo.files()) {
      const slash = f.lastIndexOf('/');
      const d = slash < 0 ? '.' : f.slice(0, slash);
      const list = index.get(d);
      if (list) list.push(f.slice(slash + 1));
      else index.set(d, [f.slice(slash + 1)]);
    }
    INDEX.set(repo, index);
  }
  return index.get(dir === '' ? '.' : dir) ?? [];
}
