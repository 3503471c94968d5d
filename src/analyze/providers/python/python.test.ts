import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyze.js';
import { RepoView } from '../../repo.js';
import { readPythonManifests } from './dependencies.js';
import { pythonProvider } from './index.js';
import { minimumVersion } from './runtime-version.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => join(here, '__fixtures__', name);
const example = (name: string) => join(here, '../../../../examples', name);
const analyzeWith = (dir: string) => analyzeRepo(RepoView.open(dir), [pythonProvider]);
const only = (dir: string) => {
  const r = analyzeWith(dir);
  expect(r.ok, JSON.stringify(r.notes)).toBe(true);
  return r.spec!.components[0]!;
};

describe('python provider: detect', () => {
  it.each(['python-stdlib-hello', 'python-django-shop', 'python-fastapi-poetry', 'python-uv-worker', 'python-shorty-readme'])('detects %s', (name) => {
    expect(pythonProvider.detect(RepoView.open(example(name)), '.').length).toBeGreaterThan(0);
  });

  it.each(['go-gin-orders', 'java-spring-clinic', 'ruby-rails-blog', 'static-landing', 'rust-axum-notes', 'node-hello'])('does not detect %s', (name) => {
    expect(pythonProvider.detect(RepoView.open(example(name)), '.')).toEqual([]);
  });

  it('leaves package folders and scripts inside a project to that project', () => {
    const repo = RepoView.open(fixture('nested-script'));
    expect(pythonProvider.detect(repo, '.').length).toBeGreaterThan(0);
    expect(pythonProvider.detect(repo, 'pkg')).toEqual([]);
    expect(pythonProvider.detect(repo, 'tools')).toEqual([]);
  });

  it('leaves a Node project with a docs requirements.txt to Node', () => {
    expect(pythonProvider.detect(RepoView.open(fixture('node-with-docs-requirements')), '.')).toEqual([]);
  });

  it('detects nothing in an empty directory listing', () => {
    expect(pythonProvider.detect(RepoView.open(fixture('nested-script')), 'no-such-dir')).toEqual([]);
  });
});

describe('python provider: manifests', () => {
  it('follows -r includes and groups requirements files, skipping URLs and docs', () => {
    const m = readPythonManifests(RepoView.open(fixture('requirements-includes')), '.');
    const byName = Object.fromEntries(m.dependencies.map((d) => [d.name, d.group]));
    expect(byName).toMatchObject({ flask: 'main', gunicorn: 'main', pymysql: 'main', pika: 'dev', pytest: 'dev' });
    expect(byName).not.toHaveProperty('elasticsearch');
    expect(byName).not.toHaveProperty('private-lib');
    const flask = m.dependencies.find((d) => d.name === 'flask')!;
    expect(flask).toMatchObject({ file: 'requirements/base.txt', line: 1 });
  });

  it.each([
    ['>=3.12,<3.13', '3.12'],
    ['^3.10', '3.10'],
    ['~=3.11.2', '3.11'],
    ['<4,>=3.9', '3.9'],
    ['*', undefined],
  ])('reads the lower bound of %s', (constraint, expected) => {
    expect(minimumVersion(constraint)).toBe(expected);
  });
});

describe('python provider: analysis', () => {
  it('serves a Flask app with gunicorn on the port the code names, with services from dev requirements', () => {
    const c = only(fixture('requirements-includes'));
    expect(c).toMatchObject({ framework: 'flask', packageManager: 'pip', port: 5001, commands: { install: 'pip install -r requirements.txt', start: 'gunicorn --bind 0.0.0.0:${PORT:-5001} app:app' } });
    expect(c.services.map((s) => s.type).sort()).toEqual(['mysql', 'rabbitmq']);
  });

  it('handles a src layout, a factory and a waitress-only project; optional extras are not services', () => {
    const c = only(fixture('src-layout-flask'));
    expect(c).toMatchObject({ runtimeVersion: '3.11', commands: { install: 'pip install .', start: 'waitress-serve --listen=0.0.0.0:${PORT:-8000} --call notes.app:create_app' } });
    expect(c.services).toEqual([]);
    expect(c.env).toContainEqual(expect.objectContaining({ name: 'NOTES_SECRET', required: true, secret: true }));
  });

  it('prefers ASGI for a Django project that uses Channels and an ASGI server', () => {
    const c = only(fixture('django-asgi'));
    expect(c).toMatchObject({ framework: 'django', commands: { start: 'daphne -b 0.0.0.0 -p ${PORT:-8000} proj.asgi:application', release: 'python manage.py migrate --noinput' } });
    expect(c.services.map((s) => s.type).sort()).toEqual(['postgres']);
  });

  it('reads Pipfile and setup.py; a bottle development script still gives the port', () => {
    const c = only(fixture('pipenv-setup-py'));
    expect(c).toMatchObject({ name: 'guestlist', packageManager: 'pipenv', runtimeVersion: '3.9', port: 8081, framework: 'bottle' });
    expect(c.commands.start).toBe('gunicorn --bind 0.0.0.0:${PORT:-8081} server:app');
    expect(c.services.map((s) => s.type)).toEqual(['mongodb']);
  });

  it('does not take WSGI request variables for environment variables', () => {
    const c = only(fixture('wsgi-environ'));
    expect(c.env.map((e) => e.name)).toEqual(['GREETING']);
  });

  it('keeps going when pyproject.toml is malformed, with a note naming the line', () => {
    const r = analyzeWith(example('python-flask-broken-pyproject'));
    expect(r.ok).toBe(true);
    expect(r.notes).toContainEqual(expect.objectContaining({ level: 'error', file: 'pyproject.toml', line: expect.any(Number) }));
    expect(r.spec!.components[0]!.framework).toBe('flask');
  });

  it('has a README describing what it detects', () => {
    expect(existsSync(join(here, 'README.md'))).toBe(true);
  });
});
