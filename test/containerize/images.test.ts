import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { containerLogs, execInContainer, removeContainer, runContainer, smokeTest, stopContainer } from '../../src/engine/index.js';
import { freePort } from '../../src/net/free-port.js';
import { waitReady } from '../../src/engine/smoke/wait-ready.js';
import { loadProject } from '../../src/project/load.js';
import { runCli } from '../helpers/cli.js';
import { copyExample } from '../helpers/examples.js';
import { httpGet, podmanWorkspace } from './workspace.js';

/**
 * Real images from the generated Dockerfiles, built with podman from the local base images
 * (.ci/run makes them), run, probed, stopped. One build per example, shared by its checks.
 *
 * "Stops promptly" without a timer: smoke stops with a 2 s grace period, after which the
 * engine SIGKILLs (exit 137). An exit code other than 137 means the process ended on its
 * own stop signal within 2 s.
 */
const EXAMPLES: { name: string; extra?: { path: string; contains: string }[] }[] = [
  { name: 'containerize-express', extra: [{ path: '/', contains: 'Hello from Express' }] },
  { name: 'containerize-fastify', extra: [{ path: '/', contains: '"hello":"fastify"' }] },
  { name: 'containerize-nestjs', extra: [{ path: '/', contains: '"hello":"nest"' }] },
  { name: 'containerize-nextjs', extra: [{ path: '/', contains: 'Hello from Next.js' }] },
  // The SPA fallback: any route serves index.html.
  { name: 'containerize-vite', extra: [{ path: '/', contains: '<div id="app">' }, { path: '/some/client/route', contains: '<div id="app">' }, { path: '/robots.txt', contains: 'User-agent' }] },
  { name: 'containerize-python', extra: [{ path: '/', contains: '"hello": "python"' }] },
];

const ws = podmanWorkspace();
const { images, dirs } = ws;

describe.each(EXAMPLES)('$name: generated Dockerfile, real image', ({ name, extra }) => {
  let dir: string;
  let image: string;

  it('generates, then builds with progress and a log', { timeout: 900_000 }, async () => {
    dir = copyExample(name);
    dirs.push(dir);
    const gen = await runCli(['generate', 'docker', dir]);
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stdout).toMatch(/created\s+Dockerfile/);
    const env = await runCli(['generate', 'env', dir]);
    expect(env.code, env.stderr).toBe(0);

    const build = await runCli(['build', dir], { env: { SLIPWAY_ENGINE: 'podman' }, timeoutMs: 880_000 });
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(build.stdout).toMatch(/STEP \d+\/\d+: FROM/);
    const ref = build.stdout.match(/built\s+(\S+)/)?.[1];
    expect(ref).toBeTruthy();
    image = ref!;
    images.push(image);
    const log = build.stdout.match(/\(log: (.+)\)/)?.[1];
    expect(log && existsSync(log.startsWith('/') ? log : `${process.cwd()}/${log}`)).toBe(true);
  });

  it('answers on its port, passes its own HEALTHCHECK, runs as non-root, stops on SIGTERM within 2 s', { timeout: 300_000 }, async () => {
    expect(image, 'the build above').toBeTruthy();
    const project = loadProject(dir);
    const result = await smokeTest({
      projectDir: dir,
      spec: project.spec,
      engine: ws.engine,
      env: 'dev',
      images: { [project.spec.components[0]!.name]: image },
      graceSeconds: 2,
      namePrefix: 'slipway-test',
      // express reads DATABASE_URL: a configured (unreachable, unused by /healthz) server, so no postgres container is needed.
      processEnv: { DATABASE_URL: 'postgres://app:unused@db.invalid:5432/app' },
    });
    const c = result.components[0]!;
    expect(c.ok, `${c.reason}\n${c.lastLogs.join('\n')}`).toBe(true);
    expect(c.status).toBe(200);
    expect(c.healthcheck).toBe('healthy');
    expect(c.user).toMatch(/^[1-9]\d*(:\d+)?$|^[a-z][a-z0-9-]*$/);
    expect(c.user).not.toMatch(/^(root|0)(:|$)/);
    expect(c.stop, 'stopped while running').toBeDefined();
    expect(c.stop!.killed, `exit code ${c.stop!.exitCode}: not killed after the 2 s grace period`).toBe(false);
    expect([0, 143]).toContain(c.stop!.exitCode);
  });

  it('serves its content; the process inside is not root', { timeout: 300_000 }, async () => {
    expect(image, 'the build above').toBeTruthy();
    const project = loadProject(dir);
    const component = project.spec.components[0]!;
    const containerPort = component.kind === 'static' ? 8080 : component.port!;
    const host = await freePort();
    const name = `slipway-test-${component.name}-${host}`;
    await runContainer(ws.engine, { image, name, ports: [{ host, container: containerPort }] });
    try {
      const ready = await waitReady({ port: host }, Date.now() + 120_000, async () => true);
      expect(ready.ok, (await containerLogs(ws.engine, name)).join('\n')).toBe(true);
      for (const check of extra ?? []) {
        const res = await httpGet(host, check.path);
        expect(res.status, check.path).toBe(200);
        expect(res.body).toContain(check.contains);
      }
      const uid = await execInContainer(ws.engine, name, ['sh', '-c', 'id -u']);
      expect(uid.code).toBe(0);
      expect(uid.output.trim()).not.toBe('0');
      const stop = await stopContainer(ws.engine, name, 2);
      expect(stop.killed).toBe(false);
    } finally {
      await removeContainer(ws.engine, name);
    }
  });
});

