import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/net/free-port.js';
import { specToYaml } from '../../src/spec/serialize.js';
import { runCli } from '../helpers/cli.js';
import { NODE_HELLO, nodeHelloSpec } from './node-hello-variants.js';

// The real CLI in child processes: the app must keep running after each command exits.
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) {
    await runCli(['down', d]);
    rmSync(d, { recursive: true, force: true });
  }
});

async function nodeHelloProject(): Promise<{ dir: string; port: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-test-cli-'));
  dirs.push(dir);
  cpSync(NODE_HELLO, dir, { recursive: true });
  const port = await freePort();
  writeFileSync(join(dir, 'slipway.yaml'), specToYaml(nodeHelloSpec(port)));
  return { dir, port };
}

describe('slipway deploy / status / rollback / down', () => {
  it('deploys node-hello, which keeps serving after the CLI exits, then rolls back and goes down', async () => {
    const { dir, port } = await nodeHelloProject();
    const url = `http://127.0.0.1:${port}/`;
    const first = await runCli(['deploy', dir, '--env', 'dev', '--bake', '30s']);
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`deployed release (\\S+) in .* → http://127\\.0\\.0\\.1:${port}`));
    const firstId = /deployed release (\S+)/.exec(first.stdout)![1]!;
    expect(await (await fetch(url)).text()).toMatch(`(release ${firstId})`);

    const second = await runCli(['deploy', dir, '--env', 'dev', '--bake', '30s']);
    expect(second.code, second.stderr).toBe(0);
    const secondId = /deployed release (\S+)/.exec(second.stdout)![1]!;
    expect(await (await fetch(url)).text()).toMatch(`(release ${secondId})`);

    const status = await runCli(['status', dir, '--env', 'dev']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain(`dev (local): running at http://127.0.0.1:${port}, live ${secondId}`);
    expect(status.stdout).toMatch(new RegExp(`${firstId}\\s+warm`));

    // Instant: the first release is still warm inside its bake window.
    const back = await runCli(['rollback', dir, '--env', 'dev', '--json']);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ ok: true, releaseId: firstId });
    expect(back.stderr).toMatch(/switched .* back to warm release/);
    expect(await (await fetch(url)).text()).toMatch(`(release ${firstId})`);

    const forward = await runCli(['rollback', dir, '--env', 'dev', '--to', secondId]);
    expect(forward.code, forward.stderr).toBe(0);
    expect(await (await fetch(url)).text()).toMatch(`(release ${secondId})`);

    const down = await runCli(['down', dir]);
    expect(down.code, down.stderr).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
    const after = await runCli(['status', dir, '--env', 'dev', '--json']);
    expect(JSON.parse(after.stdout)[0]).toMatchObject({ state: 'stopped', live: secondId });
  });

  it('names the port and the slipway.yaml key when the public port is taken', async () => {
    const { dir, port } = await nodeHelloProject();
    const squatter = createServer().listen(port, '127.0.0.1');
    try {
      const r = await runCli(['deploy', dir, '--env', 'dev']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`port ${port} on 127.0.0.1 is already in use by another program`);
      expect(r.stderr).toContain('environments.dev.port in slipway.yaml');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      squatter.close();
    }
  });

  it('rejects a bad duration as a usage error', async () => {
    const { dir } = await nodeHelloProject();
    const r = await runCli(['deploy', dir, '--env', 'dev', '--bake', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bake: "soon" is not a duration');
  });
});
