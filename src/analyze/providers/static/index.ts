import type { Evidence } from '../../../spec/evidence.js';
import type { FactSheet } from '../../facts.js';
import type { Provider } from '../../provider.js';
import { filesIn } from '../../collectors/dir-index.js';
import { repoPath, type RepoView } from '../../repo.js';

/** Files that make a directory something other than a plain static site. */
const OTHER_MANIFESTS = /^(package\.json|composer\.json|Gemfile|requirements\.txt|pyproject\.toml|Pipfile|setup\.py|manage\.py|go\.mod|Cargo\.toml|pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|.*\.(cs|fs)proj|mix\.exs|deno\.jsonc?|index\.php|config\.ru)$/;
/** Folders whose index.html is a template or build output of the project around them. */
const NOT_A_SITE = /(^|\/)(templates?|views?|layouts?|partials?|includes|coverage|node_modules)$/;

/**
 * A plain static site: a folder with index.html and no manifest of any other ecosystem,
 * neither in it nor above it (an index.html inside a Flask or Go project is theirs), and
 * not inside another site.
 */
export const staticProvider: Provider = {
  id: 'static',
  manifests: ['index.html'],
  detect(repo: RepoView, dir: string): Evidence[] {
    const file = repoPath(dir, 'index.html');
    if (!filesIn(repo, dir).includes('index.html') || (dir !== '.' && NOT_A_SITE.test(dir))) return [];
    const parts = dir === '.' ? [] : dir.split('/');
    for (let i = parts.length; i >= 0; i--) {
      const folder = i === 0 ? '.' : parts.slice(0, i).join('/');
      const files = filesIn(repo, folder);
      if (files.some((f) => OTHER_MANIFESTS.test(f))) return [];
      // A sub-folder of a site (docs/index.html) is part of that site, not another one.
      if (i < parts.length && files.includes('index.html')) return [];
    }
    return [{ source: 'source', file, reason: 'index.html with no build manifest' }];
  },
  analyze(_repo: RepoView, dir: string, facts: FactSheet): void {
    const origin = { source: 'source' as const, file: repoPath(dir, 'index.html'), reason: 'static site: served as files' };
    facts.add('kind', 'static', origin);
    facts.add('language', 'html', origin);
    facts.add('runtime', 'static', origin);
    facts.add('staticDir', '.', { ...origin, reason: 'the folder itself is the site (no build step)' });
  },
  startHelp: 'Static sites need no start command: set staticDir to the folder holding index.html.',
};
