import type { Evidence } from '../../../spec/evidence.js';
import { repoPath, type RepoView } from '../../repo.js';

/** A package.json makes a directory a Node.js candidate; whether it is deployable is decided later. */
export function detectNode(repo: RepoView, dir: string): Evidence[] {
  const file = repoPath(dir, 'package.json');
  return repo.has(file) ? [{ source: 'manifest', file, reason: 'package.json' }] : [];
}
