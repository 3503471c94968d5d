import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyze.js';
import { RepoView } from '../../repo.js';
import { rustProvider } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => join(here, '__fixtures__', name);
const example = (name: string) => join(here, '../../../../examples', name);

describe('rust provider: detect', () => {
  it.each(['rust-axum-notes', 'rust-actix-readme'])('detects %s', (name) => {
    expect(rustProvider.detect(RepoView.open(example(name)), '.').length).toBeGreaterThan(0);
  });

  it.each(['go-gin-orders', 'python-stdlib-hello', 'dotnet-todo-api', 'static-landing', 'node-hello'])('does not detect %s', (name) => {
    expect(rustProvider.detect(RepoView.open(example(name)), '.')).toEqual([]);
  });

  it('does not take a virtual workspace root for a component', () => {
    const repo = RepoView.open(fixture('workspace'));
    expect(rustProvider.detect(repo, '.')).toEqual([]);
    expect(rustProvider.detect(repo, 'crates/api').length).toBeGreaterThan(0);
  });
});

describe('rust provider: analysis', () => {
  it('builds workspace members into the shared target/, skips library crates, picks the named bin', () => {
    const r = analyzeRepo(RepoView.open(fixture('workspace')), [rustProvider]);
    const byPath = Object.fromEntries(r.spec!.components.map((c) => [c.path, c]));
    expect(Object.keys(byPath).sort()).toEqual(['crates/api', 'crates/jobs']);
    expect(byPath['crates/api']).toMatchObject({
      runtimeVersion: '1.78.0',
      framework: 'axum',
      port: 4000,
      commands: { build: 'cargo build --release --locked', start: './../../target/release/api' },
    });
    expect(byPath['crates/api']!.services.map((s) => s.type).sort()).toEqual(['mysql', 'redis']);
    expect(byPath['crates/jobs']).toMatchObject({ commands: { build: 'cargo build --release --locked --bin jobs-scheduler', start: './../../target/release/jobs-scheduler' }, services: [{ type: 'rabbitmq' }] });
    expect(r.notes).toContainEqual(expect.objectContaining({ level: 'warn', file: 'crates/api/src/main.rs', message: expect.stringMatching(/loopback/) }));
  });

  it("gives Rocket its default port and the address it must bind in a container", () => {
    const c = analyzeRepo(RepoView.open(fixture('rocket-app')), [rustProvider]).spec!.components[0]!;
    expect(c).toMatchObject({ framework: 'rocket', port: 8000 });
    expect(c.env).toContainEqual(expect.objectContaining({ name: 'ROCKET_ADDRESS', default: '0.0.0.0' }));
  });

  it('has a README describing what it detects', () => {
    expect(existsSync(join(here, 'README.md'))).toBe(true);
  });
});
