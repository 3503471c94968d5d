import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyze.js';
import { RepoView } from '../../repo.js';
import { readGemfile } from './gemfile.js';
import { rubyProvider } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => join(here, '__fixtures__', name);
const example = (name: string) => join(here, '../../../../examples', name);
const analyzeWith = (dir: string) => analyzeRepo(RepoView.open(dir), [rubyProvider]);

describe('ruby provider: detect', () => {
  it.each(['ruby-rails-blog', 'ruby-sinatra-search'])('detects %s', (name) => {
    expect(rubyProvider.detect(RepoView.open(example(name)), '.').length).toBeGreaterThan(0);
  });

  it.each(['python-django-shop', 'php-laravel-tasks', 'go-gin-orders', 'static-landing', 'node-hello'])('does not detect %s', (name) => {
    expect(rubyProvider.detect(RepoView.open(example(name)), '.')).toEqual([]);
  });
});

describe('ruby provider: tooling Gemfiles', () => {
  it('leaves a JavaScript project whose Gemfile pins CocoaPods/fastlane to Node', () => {
    expect(rubyProvider.detect(RepoView.open(fixture('react-native-gemfile')), '.')).toEqual([]);
  });
});

describe('ruby provider: analysis', () => {
  it('reads Gemfile groups from blocks, conditionals included', () => {
    const g = readGemfile(RepoView.open(fixture('rails-multi-db')), '.')!;
    const groups = Object.fromEntries(g.gems.map((x) => [x.name, x.groups]));
    expect(groups).toMatchObject({ rails: [], pg: [], mysql2: [], minitest: ['test'], dalli: [] });
  });

  it('lets database.yml choose between database gems; puma bind gives the port', () => {
    const r = analyzeWith(fixture('rails-multi-db'));
    const [web, worker] = r.spec!.components;
    expect(web).toMatchObject({
      framework: 'rails',
      runtimeVersion: '3.1.0',
      port: 8000,
      healthcheck: '/healthz',
      commands: { start: 'bundle exec puma -C config/puma.rb -p ${PORT:-8000}', release: 'bundle exec rails db:migrate' },
    });
    expect(web!.services.map((s) => s.type).sort()).toEqual(['memcached', 'mysql']);
    expect(web!.env).toContainEqual(expect.objectContaining({ name: 'SECRET_KEY_BASE', required: true, secret: true }));
    expect(worker).toMatchObject({ kind: 'worker', commands: { start: 'bundle exec good_job start' } });
  });

  it('runs a classic Sinatra script on its own port', () => {
    const c = analyzeWith(fixture('sinatra-classic')).spec!.components[0]!;
    expect(c).toMatchObject({ framework: 'sinatra', port: 4600, commands: { start: 'bundle exec ruby hello.rb -o 0.0.0.0 -p ${PORT:-4600}' }, services: [{ type: 'redis' }] });
    expect(c.env).toContainEqual(expect.objectContaining({ name: 'REDIS_URL', default: 'redis://localhost:6379' }));
  });

  it('treats a gem without config.ru as a library', () => {
    const r = analyzeWith(fixture('gem-library'));
    expect(r.ok).toBe(false);
  });

  it('runs the Sidekiq worker beside the web process', () => {
    const r = analyzeRepo(RepoView.open(example('ruby-rails-blog')), [rubyProvider]);
    expect(r.spec!.components.map((c) => c.kind)).toEqual(['web', 'worker']);
  });

  it('has a README describing what it detects', () => {
    expect(existsSync(join(here, 'README.md'))).toBe(true);
  });
});
