import type { FactSheet } from '../../facts.js';
import { findLine, lineText } from '../../parse/manifest.js';
import type { Provider } from '../../provider.js';
import { filesIn } from '../../collectors/dir-index.js';
import { repoPath, type RepoView } from '../../repo.js';
import { readComposer, requires, type Composer } from './composer.js';
import { addEnvFromSource } from './env.js';
import { addFrontendBuild } from './frontend-build.js';
import { addLaravelFacts, addSymfonyFacts } from './frameworks.js';
import { addServices } from './services.js';

export const phpProvider: Provider = {
  id: 'php',
  manifests: ['composer.json', 'composer.lock', 'index.php', 'public/index.php', '.env.example'],
  // Laravel and Symfony apps carry a package.json for their assets: the app is PHP.
  supersedes: ['node'],
  detect(repo: RepoView, dir: string) {
    const files = filesIn(repo, dir);
    if (files.includes('composer.json')) return [{ source: 'manifest', file: repoPath(dir, 'composer.json'), reason: 'composer.json present' }];
    const index = files.includes('index.php') ? repoPath(dir, 'index.php') : filesIn(repo, repoPath(dir, 'public')).includes('index.php') ? repoPath(dir, 'public/index.php') : undefined;
    if (!index || insideComposerProject(repo, dir)) return [];
    return [{ source: 'source', file: index, reason: 'index.php without composer.json' }];
  },
  analyze(repo: RepoView, dir: string, facts: FactSheet): void {
    const c = readComposer(repo, dir);
    const origin = { source: 'manifest' as const, file: c?.file ?? repoPath(dir, 'index.php'), reason: 'PHP project' };
    facts.add('language', 'php', origin);
    facts.add('runtime', 'php', origin);
    facts.name ??= c?.name;
    if (c) {
      facts.add('packageManager', 'composer', repo.has(repoPath(dir, 'composer.lock')) ? { source: 'lockfile', file: repoPath(dir, 'composer.lock'), reason: 'composer.lock' } : origin);
      facts.add('commands.install', 'composer install --no-dev --optimize-autoloader --no-interaction', { ...origin, reason: 'Composer installs the locked dependencies' });
      addPhpVersion(c, facts);
      if (requires(c, 'laravel/framework')) addLaravelFacts(repo, dir, c, facts);
      else if (requires(c, 'symfony/framework-bundle')) addSymfonyFacts(repo, dir, c, facts);
      else if (requires(c, 'slim/slim')) facts.add('framework', 'slim', { ...origin, reason: 'requires slim/slim' });
      if (!facts.has('commands.test') && 'phpunit/phpunit' in c.requireDev) facts.add('commands.test', 'vendor/bin/phpunit', { ...origin, reason: 'PHPUnit' });
    }
    addFrontendBuild(repo, dir, facts);
    addStart(repo, dir, c, facts);
    addServices(repo, dir, c, facts);
    addEnvFromSource(repo, dir, facts);
  },
  startHelp: 'PHP apps run under a web server: e.g. `apache2-foreground` (php:apache image, document root public/) or PHP-FPM behind nginx.',
};

/** config.platform.php pins the version; require.php gives a lower bound. */
function addPhpVersion(c: Composer, facts: FactSheet): void {
  const version = (v: string) => /(\d+\.\d+)/.exec(v)?.[1];
  if (c.platformPhp && version(c.platformPhp)) {
    const line = findLine(c.text, /"platform"/);
    facts.add('runtimeVersion', version(c.platformPhp)!, { source: 'manifest', file: c.file, line, reason: 'composer.json > config > platform > php' });
  }
  const req = c.require.php;
  const lower = req ? version(req.split('|')[0]!) : undefined;
  if (lower) {
    const line = findLine(c.text, /"php"\s*:/);
    facts.add('runtimeVersion', lower, { source: 'manifest', file: c.file, line, excerpt: lineText(c.text, line), reason: 'composer.json > require > php (lower bound)', weight: 0.7 });
  }
}

/**
 * PHP is served by Apache httpd with mod_php (the php:<version>-apache image runs it in the
 * foreground) from the framework's public/ folder, on port 80.
 */
function addStart(repo: RepoView, dir: string, c: Composer | null, facts: FactSheet): void {
  const docroot = repo.has(repoPath(dir, 'public/index.php')) ? 'public/' : '.';
  // Weighted above a README's `php artisan serve` / `php -S`: those are development servers.
  const origin = { source: 'convention' as const, weight: 0.65, file: repo.has(repoPath(dir, 'public/index.php')) ? repoPath(dir, 'public/index.php') : c?.file, reason: `Apache httpd + mod_php, document root ${docroot}` };
  facts.add('commands.start', 'apache2-foreground', origin);
  facts.add('port', 80, { ...origin, reason: 'Apache httpd listens on 80' });
}

/** An index.php below a composer.json (public/, web/) is the document root of that project. */
function insideComposerProject(repo: RepoView, dir: string): boolean {
  const parts = dir === '.' ? [] : dir.split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    if (filesIn(repo, i === 0 ? '.' : parts.slice(0, i).join('/')).includes('composer.json')) return true;
  }
  return false;
}
