import type { FactSheet } from '../../facts.js';
import { findLine, lineText } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import { requireOrigin, requires, type Composer } from './composer.js';

/**
 * Laravel: `php artisan migrate --force` once per release, `php artisan test`, the /up
 * health route (Laravel 11 bootstrap/app.php), the queue worker when jobs exist, APP_KEY.
 */
export function addLaravelFacts(repo: RepoView, dir: string, c: Composer, facts: FactSheet): void {
  const at = (f: string) => repoPath(dir, f);
  const origin = requireOrigin(c, 'laravel/framework');
  facts.add('framework', 'laravel', origin);
  facts.add('commands.release', 'php artisan migrate --force', { ...origin, reason: 'Laravel migrations run once per release' });
  const collision = 'nunomaduro/collision' in c.requireDev || 'pestphp/pest' in c.requireDev;
  facts.add('commands.test', collision ? 'php artisan test' : 'vendor/bin/phpunit', { ...origin, reason: collision ? 'artisan test runner' : 'PHPUnit' });
  const bootstrap = repo.read(at('bootstrap/app.php'), 64 * 1024);
  const health = bootstrap ? findLine(bootstrap, /health:\s*['"]\/[\w-]*['"]/) : undefined;
  if (health) {
    const path = /health:\s*['"](\/[\w-]*)['"]/.exec(lineText(bootstrap!, health) ?? '')?.[1] ?? '/up';
    facts.add('healthcheck', path, { source: 'config', file: at('bootstrap/app.php'), line: health, excerpt: lineText(bootstrap!, health), reason: 'Laravel health route' });
  }
  const env = { source: 'convention' as const, file: c.file, reason: 'Laravel production configuration' };
  facts.addEnv('APP_KEY', { required: true, secret: true, description: 'php artisan key:generate --show' }, env);
  facts.addEnv('APP_ENV', { default: 'production' }, env);
  if (repo.has(at('Procfile'))) return; // the Procfile lists the processes itself
  if (requires(c, 'laravel/horizon')) facts.addProcess('worker', 'php artisan horizon', { ...requireOrigin(c, 'laravel/horizon'), reason: 'Horizon queue supervisor' });
  else if (repo.glob(at('app/Jobs/*.php')).length) facts.addProcess('worker', 'php artisan queue:work --tries=3', { source: 'source', file: repo.glob(at('app/Jobs/*.php'))[0], reason: 'queued jobs in app/Jobs' });
}

/** Symfony: Doctrine migrations per release, PHPUnit, APP_ENV/APP_SECRET. */
export function addSymfonyFacts(repo: RepoView, dir: string, c: Composer, facts: FactSheet): void {
  const origin = requireOrigin(c, 'symfony/framework-bundle');
  facts.add('framework', 'symfony', origin);
  if (requires(c, 'doctrine/doctrine-migrations-bundle')) {
    facts.add('commands.release', 'php bin/console doctrine:migrations:migrate --no-interaction', { ...requireOrigin(c, 'doctrine/doctrine-migrations-bundle'), reason: 'Doctrine migrations run once per release' });
  }
  const phpunit = repo.has(repoPath(dir, 'bin/phpunit')) ? 'php bin/phpunit' : 'vendor/bin/phpunit';
  if ('phpunit/phpunit' in c.requireDev || 'symfony/phpunit-bridge' in c.requireDev) facts.add('commands.test', phpunit, { ...origin, reason: 'PHPUnit' });
  const env = { source: 'convention' as const, file: c.file, reason: 'Symfony production configuration' };
  facts.addEnv('APP_ENV', { default: 'prod' }, env);
  facts.addEnv('APP_SECRET', { required: true, secret: true }, env);
}
