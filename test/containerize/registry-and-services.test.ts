import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageExists, pullImage, removeImage, smokeTest } from '../../src/engine/index.js';
import { freePort } from '../../src/net/free-port.js';
import { engineOk } from '../../src/engine/process.js';
import { testDatabaseUrl, withoutTestDatabase } from '../../src/store/testing/test-database.js';
import { loadProject } from '../../src/project/load.js';
import { runCli } from '../helpers/cli.js';
import { copyExample } from '../helpers/examples.js';
import { podmanWorkspace } from './workspace.js';

const REGISTRY = '127.0.0.1:5000';
const REGISTRY_TOOL = process.env['SLIPWAY_SHARED'] ? join(process.env['SLIPWAY_SHARED'], 'tools/local-registry') : '/work/shared/tools/local-registry';

const ws = podmanWorkspace();
const { images, dirs } = ws;

describe('slipway build --push', () => {
  it('pushes to the local registry; the image pulls back by the same digest and tag', { timeout: 600_000 }, async () => {
    // .ci/run starts the registry; starting it again is a no-op.
    execFileSync(REGISTRY_TOOL, ['start'], { stdio: 'ignore' });
    const dir = copyExample('containerize-python');
    dirs.push(dir);
    expect((await runCli(['generate', 'docker', dir])).code).toBe(0);
    const r = await runCli(['build', dir, '--push', REGISTRY], { env: { SLIPWAY_ENGINE: 'podman' }, timeoutMs: 590_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const remote = r.stdout.match(/pushed\s+(\S+)/)?.[1];
    expect(remote).toMatch(/^127\.0\.0\.1:5000\/containerize-python:/);
    const local = r.stdout.match(/built\s+(\S+)/)![1]!;
    images.push(local, remote!);

    const id = await engineOk(ws.engine, ['image', 'inspect', '--format', '{{.Id}}', local]);
    await removeImage(ws.engine, remote!);
    expect(await imageExists(ws.engine, remote!)).toBe(false);
    await pullImage(ws.engine, remote!);
    expect(await engineOk(ws.engine, ['image', 'inspect', '--format', '{{.Id}}', remote!])).toBe(id);
    // The registry itself lists the tag.
    const tags = (await (await fetch(`http://${REGISTRY}/v2/containerize-python/tags/list`)).json()) as { tags: string[] };
    expect(tags.tags).toContain(remote!.split(':').at(-1));
  });
});

describe('slipway smoke with a backing service', () => {
  it.skipIf(withoutTestDatabase)('reaches the PostgreSQL its config names (readiness path checks the database)', { timeout: 600_000 }, async () => {
    const url = testDatabaseUrl();
    const dir = copyExample('containerize-express');
    dirs.push(dir);
    // The service is on this machine's loopback, so the app shares the host network: give it a free port.
    const port = await freePort();
    const yaml = readFileSync(join(dir, 'slipway.yaml'), 'utf8').replace('port: 3000', `port: ${port}`).replace('healthcheck: /healthz', 'healthcheck: /readyz');
    writeFileSync(join(dir, 'slipway.yaml'), yaml);
    expect((await runCli(['generate', 'docker', dir])).code).toBe(0);
    expect((await runCli(['generate', 'env', dir])).code).toBe(0);

    const r = await runCli(['smoke', dir, '--env', 'dev', '--stop-timeout', '2'], { env: { SLIPWAY_ENGINE: 'podman', DATABASE_URL: url }, timeoutMs: 590_000 });
    const built = r.stdout.match(/built\s+(\S+)/)?.[1];
    if (built) images.push(built);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('postgres: using the configured DATABASE_URL');
    expect(r.stdout).toMatch(new RegExp(`PASS containerize-express .*127\\.0\\.0\\.1:${port}/readyz → 200`));
    expect(r.stdout).toMatch(/stop: \d+\.\d+ s \(exited on its stop signal, code 143\)/);
    // The password never reaches the output or the log.
    const password = new URL(url).password;
    expect(r.stdout + r.stderr).not.toContain(`:${password}@`);
    const log = r.stdout.match(/^log: (\S+)$/m)![1]!;
    expect(readFileSync(log.startsWith('/') ? log : join(process.cwd(), log), 'utf8')).not.toContain(`:${password}@`);
  });

  it('without a configured server or the official image, says how to point it at one', { timeout: 300_000 }, async () => {
    const dir = copyExample('containerize-express');
    dirs.push(dir);
    // A major that no registry has: the pull fails here and anywhere else.
    writeFileSync(join(dir, 'slipway.yaml'), readFileSync(join(dir, 'slipway.yaml'), 'utf8').replace('version: "16"', 'version: "999"'));
    const project = loadProject(dir);
    const error = await smokeTest({ projectDir: dir, spec: project.spec, engine: ws.engine, env: 'dev', images: { 'containerize-express': 'unused' }, namePrefix: 'slipway-test', processEnv: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('backing service postgres: image docker.io/library/postgres:999 is not available here');
    expect((error as { hint?: string }).hint).toContain('set DATABASE_URL');
    expect((error as { hint?: string }).hint).toContain('config/dev.secrets.env');
  });
});
