import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { localTarget } from '../../src/deploy/targets/local/index.js';
import { freePort } from '../../src/net/free-port.js';
import { AppSpec } from '../../src/spec/app-spec.js';

// A real container (podman or docker, whichever src/engine finds) behind the real proxy.
// The image is the local stand-in of nginx:stable that .ci/run's base-images tool makes.
const IMAGE = 'docker.io/library/nginx:stable';
const dir = mkdtempSync(join(tmpdir(), 'slipway-test-container-'));
const spec = AppSpec.parse({
  version: 1,
  name: 'slipway-test-ct',
  environments: { dev: { port: await freePort() } },
  components: [{ name: 'web', kind: 'web', language: 'html', runtime: 'static', port: 80, healthcheck: '/', deploy: { mode: 'container' } }],
});

afterAll(async () => {
  await localTarget.down({ spec, projectDir: dir, env: 'dev', log: () => undefined });
  rmSync(dir, { recursive: true, force: true });
});

const containers = async () => (await execa('podman', ['ps', '-a', '--filter', 'name=slipway-test-ct', '--format', '{{.Names}}'])).stdout.trim();

describe('local target: container mode (components[].deploy.mode: container)', () => {
  it('runs the image under the supervisor, serves it through the proxy, and removes the container on down', async () => {
    const lines: string[] = [];
    const o = await localTarget.deploy({ spec, projectDir: dir, env: 'dev', artifact: { kind: 'image', images: { web: IMAGE }, digest: IMAGE }, config: { GREETING: 'x' }, log: (l) => lines.push(l), options: { bakeMs: 0, healthTimeoutMs: 60_000 } });
    expect(o, lines.join('\n')).toMatchObject({ ok: true });
    const body = await (await fetch(`http://127.0.0.1:${spec.environments!.dev!.port}/`)).text();
    expect(body).toContain('nginx');
    expect(await containers()).toMatch(/^slipway-test-ct-dev-[0-9a-f]{8}$/);
    await localTarget.down({ spec, projectDir: dir, env: 'dev', log: () => undefined });
    expect(await containers()).toBe('');
  });

  it('refuses a container-mode component without an image, naming the key', async () => {
    const p2 = { ...spec, environments: { dev: { port: await freePort(), target: 'local' as const } } };
    const o = await localTarget.deploy({ spec: p2, projectDir: dir, env: 'dev', artifact: { kind: 'bundle', dir, digest: 'none' }, config: {}, log: () => undefined, options: { bakeMs: 0 } });
    expect(o.ok).toBe(false);
    expect(o.error).toMatch(/components\[0\]\.deploy\.mode.*--image web=REF/);
    await localTarget.down({ spec: p2, projectDir: dir, env: 'dev', log: () => undefined });
  });
});
