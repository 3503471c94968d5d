import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample } from '../helpers/examples.js';
import { cleanUp } from './workspace.js';

const dirs: string[] = [];
afterAll(() => cleanUp(undefined, [], dirs));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-test-cli-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const NODE_SPEC = (extra: string) => `version: 1
name: broken
components:
  - name: broken
    kind: web
    language: javascript
    runtime: node
${extra}`;

describe('slipway generate: bad input', () => {
  it('a web component without start command or port: exit 2, the keys to set in slipway.yaml', async () => {
    const dir = project({ 'slipway.yaml': NODE_SPEC('    packageManager: npm\n') });
    const r = await runCli(['generate', 'docker', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('slipway.yaml lacks what `generate docker` needs');
    expect(r.stderr).toContain('components[0].port');
    expect(r.stderr).toContain('components[0].commands.start');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('an unsupported runtime version falls back to the nearest supported one, with a warning', async () => {
    const dir = project({ 'slipway.yaml': NODE_SPEC('    runtimeVersion: "16"\n    commands: { start: node server.js }\n    port: 3000\n') });
    const r = await runCli(['generate', 'docker', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warn\s+node 16 is not a supported line \(20, 22, 24, 26\); using the nearest, 20/);
    expect(r.stderr).toContain('set components[0].runtimeVersion in slipway.yaml');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('FROM node:20-slim');
  });

  it('refuses to overwrite a Dockerfile the user wrote; --diff shows the change; --force replaces it', async () => {
    const dir = copyExample('containerize-python');
    dirs.push(dir);
    writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.11-slim\nCMD ["python", "app.py"]\n');
    const refused = await runCli(['generate', 'docker', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('these files were written by you, so nothing was generated');
    expect(refused.stderr).toMatch(/^\s+Dockerfile$/m);
    const diff = await runCli(['generate', 'docker', dir, '--diff']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('-CMD ["python", "app.py"]');
    expect(diff.stdout).toContain('+USER 10001:10001');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM python:3.11-slim\nCMD ["python", "app.py"]\n');
    const forced = await runCli(['generate', 'docker', dir, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/replaced\s+Dockerfile/);
  });

  it('`generate <dir>` alone generates everything from slipway.yaml', async () => {
    const dir = copyExample('containerize-express');
    dirs.push(dir);
    const r = await runCli(['generate', dir]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['Dockerfile', '.dockerignore', 'compose.yaml', 'config/dev.env', 'config/test.env', 'config/prod.env', 'config/.gitignore']) {
      expect(r.stdout).toMatch(new RegExp(`created\\s+${f.replace('.', '\\.')}`));
    }
  });
});

describe('slipway build: bad environments', () => {
  it('no container engine: says what was tried and what to install', async () => {
    const dir = copyExample('containerize-python');
    dirs.push(dir);
    await runCli(['generate', 'docker', dir]);
    // A PATH holding only node: no docker, podman or buildah to be found.
    const bin = mkdtempSync(join(tmpdir(), 'slipway-test-path-'));
    dirs.push(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = await runCli(['build', dir], { env: { PATH: bin, SLIPWAY_ENGINE: '' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no working container engine');
    expect(r.stderr).toContain('docker: not installed');
    expect(r.stderr).toContain('podman: not installed');
    expect(r.stderr).toMatch(/hint\s+install Podman .* or Buildah|hint\s+install Podman or Buildah/);
  });

  it('a Dockerfile that does not exist yet points at `slipway generate docker`', async () => {
    const dir = copyExample('containerize-python');
    dirs.push(dir);
    const r = await runCli(['build', dir], { env: { SLIPWAY_ENGINE: 'podman' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Dockerfile does not exist');
    expect(r.stderr).toContain('slipway generate docker');
  });

  it('a failing build shows the failing step and the last lines of its output', { timeout: 600_000 }, async () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'broken', version: '1.0.0', private: true, scripts: { build: 'echo "src/index.ts(3,7): error TS2322: broken on purpose" >&2 && exit 2' } }),
      'package-lock.json': JSON.stringify({ name: 'broken', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'broken', version: '1.0.0' } } }),
      'slipway.yaml': NODE_SPEC('    runtimeVersion: "22"\n    packageManager: npm\n    commands: { install: npm ci, build: npm run build, start: node dist/index.js }\n    port: 3000\n'),
    });
    expect((await runCli(['generate', 'docker', dir])).code).toBe(0);
    const r = await runCli(['build', dir], { env: { SLIPWAY_ENGINE: 'podman' }, timeoutMs: 590_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('image build failed at: RUN npm run build');
    expect(r.stderr).toContain('error TS2322: broken on purpose');
    expect(r.stderr).toMatch(/full log: .*\.slipway\/logs\/.*build-broken\.log/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
