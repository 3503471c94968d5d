import type { RepoView } from '../repo.js';

/**
 * Names of the files directly in `dir` (like RepoView.list(dir).files), from an index built
 * once per repository: collectors ask about many directories, and a listing per question
 * would walk every file of a large repository each time.
 */
export function filesIn(repo: RepoView, dir: string): readonly string[] {
  const index = repo.memo('dir-index', () => {
    const byDir = new Map<string, string[]>();
    for (const f of repo.files()) {
      const slash = f.lastIndexOf('/');
      const d = slash < 0 ? '.' : f.slice(0, slash);
      const list = byDir.get(d);
      if (list) list.push(f.slice(slash + 1));
      else byDir.set(d, [f.slice(slash + 1)]);
    }
    return byDir;
  });
  return index.get(dir === '' ? '.' : dir) ?? [];
}
