import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyze.js';
import { RepoView } from '../../repo.js';
import { phpProvider } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => join(here, '__fixtures__', name);
const example = (name: string) => join(here, '../../../../examples', name);
const analyzeWith = (dir: string) => analyzeRepo(RepoView.open(dir), [phpProvider]);

describe('php provider: detect', () => {
  it.each(['php-laravel-tasks', 'php-plain-guestbook'])('detects %s', (name) => {
    expect(phpProvider.detect(RepoView.open(example(name)), '.').length).toBeGreaterThan(0);
  });

  it.each(['ruby-rails-blog', 'python-django-shop', 'static-landing', 'node-hello'])('does not detect %s', (name) => {
    expect(phpProvider.detect(RepoView.open(example(name)), '.')).toEqual([]);
  });

  it('supersedes Node (Laravel carries a package.json) and leaves public/ to its project', () => {
    expect(phpProvider.supersedes).toContain('node');
    expect(phpProvider.detect(RepoView.open(fixture('laravel-subdir')), 'public')).toEqual([]);
  });
});

describe('php provider: analysis', () => {
  it('Symfony: platform PHP version, Doctrine migrations, services from the .env DSNs', () => {
    const c = analyzeWith(fixture('symfony-app')).spec!.components[0]!;
    expect(c).toMatchObject({
      framework: 'symfony',
      runtimeVersion: '8.3',
      port: 80,
      commands: { release: 'php bin/console doctrine:migrations:migrate --no-interaction', test: 'php bin/phpunit', start: 'apache2-foreground' },
    });
    expect(c.services.map((s) => s.type).sort()).toEqual(['postgres', 'rabbitmq']);
    expect(c.env).toContainEqual(expect.objectContaining({ name: 'APP_SECRET', secret: true }));
  });

  it('Laravel with Horizon: a horizon worker process', () => {
    const r = analyzeWith(fixture('laravel-subdir'));
    expect(r.spec!.components.map((c) => [c.kind, c.commands.start])).toEqual([['web', 'apache2-foreground'], ['worker', 'php artisan horizon']]);
    expect(r.spec!.components[0]!.services.map((s) => s.type)).toEqual(['redis']);
  });

  it('keeps going when composer.json is malformed', () => {
    const r = analyzeWith(fixture('broken-composer'));
    expect(r.spec!.components[0]).toMatchObject({ language: 'php', commands: { start: 'apache2-foreground' } });
    expect(r.notes).toContainEqual(expect.objectContaining({ level: 'error', file: 'composer.json', line: expect.any(Number) }));
  });

  it('has a README describing what it detects', () => {
    expect(existsSync(join(here, 'README.md'))).toBe(true);
  });
});
