import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { AppSpec } from '../spec/app-spec.js';
import { generate } from './index.js';

const spec = AppSpec.parse({
  version: 1,
  name: 'hello',
  components: [
    { name: 'hello', kind: 'web', language: 'javascript', runtime: 'node', runtimeVersion: '22', packageManager: 'npm', commands: { install: 'npm ci', start: 'node server.js' }, port: 3000, env: [{ name: 'TOKEN', secret: true }] },
  ],
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slipway-gen-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (p: string) => readFileSync(join(dir, p), 'utf8');

describe('generate', () => {
  it('writes the files, then reports them unchanged', () => {
    const first = generate(dir, spec, { what: ['docker', 'env'] });
    expect(first.written.map((w) => w.file.path).sort()).toEqual(['.dockerignore', 'Dockerfile', 'config/.gitignore', 'config/dev.env', 'config/prod.env', 'config/test.env']);
    const again = generate(dir, spec, { what: ['docker', 'env'] });
    expect(again.written).toHaveLength(0);
    expect(again.planned.every((p) => p.action === 'unchanged')).toBe(true);
  });

  it('updates its own files when the spec changes', () => {
    generate(dir, spec, { what: ['docker'] });
    const changed = AppSpec.parse({ ...spec, components: [{ ...spec.components[0]!, port: 4000 }] });
    const r = generate(dir, changed, { what: ['docker'] });
    expect(r.written.map((w) => [w.file.path, w.action])).toEqual([['Dockerfile', 'update']]);
    expect(read('Dockerfile')).toContain('EXPOSE 4000');
  });

  it('never overwrites a file the user wrote: refuses everything, names the files', () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    let error: unknown;
    try {
      generate(dir, spec, { what: ['docker'] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain('Dockerfile');
    expect((error as UserError).hint).toContain('--force');
    expect(read('Dockerfile')).toBe('FROM scratch\n');
    expect(() => read('.dockerignore')).toThrow(); // nothing half-generated
  });

  it('a user who removes the marker line takes the file over', () => {
    generate(dir, spec, { what: ['docker'] });
    const edited = read('Dockerfile').split('\n').slice(1).join('\n');
    writeFileSync(join(dir, 'Dockerfile'), edited);
    expect(() => generate(dir, AppSpec.parse({ ...spec, components: [{ ...spec.components[0]!, port: 4000 }] }), { what: ['docker'] })).toThrow(UserError);
  });

  it('--diff shows what would change and writes nothing', () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    const r = generate(dir, spec, { what: ['docker'], dryRun: true });
    expect(r.diff).toContain('--- a/Dockerfile');
    expect(r.diff).toContain('-FROM scratch');
    expect(r.diff).toContain('+FROM node:22-slim');
    expect(r.diff).toContain('+++ b/.dockerignore');
    expect(r.refused.map((p) => p.file.path)).toEqual(['Dockerfile']);
    expect(read('Dockerfile')).toBe('FROM scratch\n');
  });

  it('--force replaces the user\'s file but never a directory in the way', () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    mkdirSync(join(dir, '.dockerignore'));
    const r = generate(dir, spec, { what: ['docker'], force: true });
    expect(read('Dockerfile')).toContain('FROM node:22-slim');
    expect(r.written.map((w) => w.file.path)).toEqual(['Dockerfile']);
  });

  it('recognises its marker-less files by the hash it recorded', () => {
    generate(dir, spec, { what: ['env'] });
    const record = JSON.parse(read('.slipway/generated.json')) as Record<string, string>;
    expect(Object.keys(record)).toContain('config/dev.env');
  });

  it('an unknown generator is a usage error listing the known ones', () => {
    expect(() => generate(dir, spec, { what: ['helm'] })).toThrow(/unknown generator "helm"/);
  });
});
