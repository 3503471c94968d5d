import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyze.js';
import { RepoView } from '../../repo.js';
import { dotnetProvider } from './index.js';
import { runtimeVersion } from './project.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => join(here, '__fixtures__', name);
const example = (name: string) => join(here, '../../../../examples', name);

describe('dotnet provider: detect', () => {
  it('detects the project folders of a solution, not the solution folder', () => {
    const repo = RepoView.open(example('dotnet-todo-api'));
    expect(dotnetProvider.detect(repo, 'src/TodoApi').length).toBeGreaterThan(0);
    expect(dotnetProvider.detect(repo, '.')).toEqual([]);
  });

  it.each(['java-spring-clinic', 'python-django-shop', 'go-gin-orders', 'static-landing', 'node-hello'])('does not detect %s', (name) => {
    expect(dotnetProvider.detect(RepoView.open(example(name)), '.')).toEqual([]);
  });
});

describe('dotnet provider: analysis', () => {
  it.each([
    ['net8.0', '8.0'],
    ['netcoreapp3.1', '3.1'],
    ['net6.0-windows', '6.0'],
    ['netstandard2.0', undefined],
  ])('maps target framework %s to runtime %s', (tfm, version) => {
    expect(runtimeVersion(tfm)).toBe(version);
  });

  it('classifies projects: web, worker, Blazor static site; libraries and tests are not components', () => {
    const r = analyzeRepo(RepoView.open(fixture('inherited-tfm')), [dotnetProvider]);
    const byPath = Object.fromEntries(r.spec!.components.map((c) => [c.path, c]));
    expect(Object.keys(byPath).sort()).toEqual(['src/Admin', 'src/Api', 'src/Worker']);
    expect(byPath['src/Api']).toMatchObject({
      kind: 'web',
      language: 'csharp',
      runtimeVersion: '6.0',
      port: 5005,
      healthcheck: '/health/ready',
      commands: { start: 'dotnet out/Acme.Api.dll --urls http://0.0.0.0:${PORT:-5005}', test: 'dotnet test ../../Acme.sln' },
      services: [{ type: 'mysql' }],
    });
    expect(byPath['src/Worker']).toMatchObject({ kind: 'worker', commands: { start: 'dotnet out/Worker.dll' }, services: [{ type: 'rabbitmq' }] });
    expect(byPath['src/Worker']!.env.map((e) => e.name)).toContain('QUEUE_NAME');
    expect(byPath['src/Admin']).toMatchObject({ kind: 'static', runtimeVersion: '8.0', staticDir: 'out/wwwroot' });
  });

  it('has a README describing what it detects', () => {
    expect(existsSync(join(here, 'README.md'))).toBe(true);
  });
});
