import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyze.js';
import { RepoView } from '../../repo.js';
import { readGoMod } from './go-mod.js';
import { goProvider } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => join(here, '__fixtures__', name);
const example = (name: string) => join(here, '../../../../examples', name);
const analyzeWith = (dir: string) => analyzeRepo(RepoView.open(dir), [goProvider]);

describe('go provider: detect', () => {
  it.each(['go-gin-orders', 'go-envport-readme'])('detects %s', (name) => {
    expect(goProvider.detect(RepoView.open(example(name)), '.').length).toBeGreaterThan(0);
  });

  it.each(['python-stdlib-hello', 'java-spring-clinic', 'rust-axum-notes', 'static-landing', 'node-hello'])('does not detect %s', (name) => {
    expect(goProvider.detect(RepoView.open(example(name)), '.')).toEqual([]);
  });

  it('detects a Go module inside a multi-language repository', () => {
    const repo = RepoView.open(example('python-polyglot-shop'));
    expect(goProvider.detect(repo, 'worker').length).toBeGreaterThan(0);
    expect(goProvider.detect(repo, '.')).toEqual([]);
  });
});

describe('go provider: analysis', () => {
  it('reads go.mod: version, toolchain, direct and indirect requirements', () => {
    const mod = readGoMod(RepoView.open(fixture('flags-loopback')), '.')!;
    expect(mod).toMatchObject({ module: 'example.com/tools/statusd', go: { value: '1.23' }, toolchain: '1.23.4' });
    expect(mod.requires.map((r) => [r.path, r.indirect])).toEqual([['github.com/go-sql-driver/mysql', false], ['github.com/lib/pq', true]]);
  });

  it('takes the port from a flag default, warns about a loopback bind, skips database ports and indirect drivers', () => {
    const r = analyzeWith(fixture('flags-loopback'));
    const c = r.spec!.components[0]!;
    expect(c).toMatchObject({ name: 'statusd', runtimeVersion: '1.23', port: 7070, commands: { build: 'go build -o bin/statusd .', start: './bin/statusd', test: 'go test ./...' } });
    expect(c.services.map((s) => s.type)).toEqual(['mysql']);
    expect(c.env.map((e) => e.name)).toContain('STATUSD_TOKEN');
    expect(r.notes).toContainEqual(expect.objectContaining({ level: 'warn', file: 'main.go', message: expect.stringMatching(/loopback/) }));
  });

  it('reads a viper dotenv config: the HTTP address (not gRPC) is the port, its keys are env vars', () => {
    const c = analyzeWith(fixture('viper-env')).spec!.components[0]!;
    expect(c.port).toBe(8088);
    expect(c.env.map((e) => e.name)).toEqual(expect.arrayContaining(['HTTP_SERVER_ADDRESS', 'DB_SOURCE', 'TOKEN_SYMMETRIC_KEY']));
    expect(c.env.find((e) => e.name === 'TOKEN_SYMMETRIC_KEY')).toMatchObject({ secret: true });
    expect(c.env.find((e) => e.name === 'TOKEN_SYMMETRIC_KEY')!.default).toBeUndefined();
    expect(c.framework).toBe('grpc');
  });

  it('treats a module without a main package as a library', () => {
    const r = analyzeWith(fixture('library'));
    expect(r.ok).toBe(false);
    expect(r.notes.some((n) => /library/.test(n.message))).toBe(true);
  });

  it('leaves tool commands (cmd/migrate) out and runs worker commands beside the server', () => {
    const r = analyzeWith(example('go-gin-orders'));
    expect(r.spec!.components.map((c) => [c.name, c.kind, c.commands.start])).toEqual([['orders', 'web', './bin/api'], ['orders-worker', 'worker', './bin/worker']]);
  });

  it('has a README describing what it detects', () => {
    expect(existsSync(join(here, 'README.md'))).toBe(true);
  });
});
