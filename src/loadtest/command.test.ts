import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, UserError } from '../errors.js';
import { loadtestCommand, type LoadTestFlags } from './command.js';

// Refusals happen before any load is sent: checked in-process (cli.test.ts runs the real CLI).
const sink = (): NodeJS.WriteStream => new Writable({ write: (_c, _e, cb) => cb() }) as unknown as NodeJS.WriteStream;
const run = (url: string | undefined, flags: Partial<LoadTestFlags>, dir: string): Promise<number> =>
  loadtestCommand(url, { dir, ...flags }, { stdout: sink(), stderr: sink() });

async function refusal(p: Promise<number>): Promise<UserError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('loadtest refuses before sending anything', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-test-loadtest-cmd-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a host that is not on this machine, without --allow-remote', async () => {
    const err = await refusal(run('http://10.255.255.1/', { duration: '1s' }, dir));
    expect(err.exitCode).toBe(EXIT.usage);
    expect(err.message).toContain('refusing to send load');
    expect(err.hint).toContain('--allow-remote');
  });

  it('--apply without a stress profile, a target rate or slipway.yaml', async () => {
    expect((await refusal(run('http://127.0.0.1:9/', { apply: true, targetRate: '10' }, dir))).hint).toContain('--profile stress');
    expect((await refusal(run('http://127.0.0.1:9/', { apply: true, profile: 'stress', targetRate: '10' }, dir))).message).toContain('needs slipway.yaml');
  });

  it('a bad scenario, naming its file and line', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'requests:\n  - path: /ok\n    wait: 1s\n');
    const err = await refusal(run('http://127.0.0.1:9/', { scenario: file }, dir));
    expect(err.exitCode).toBe(EXIT.usage);
    expect(err.message).toContain(`${file}:3:5: requests[0].wait: unknown key`);
  });

  it('flags out of range or unreadable, and a run past the request cap', async () => {
    expect((await refusal(run('http://127.0.0.1:9/', { rate: 'fast' }, dir))).message).toContain('--rate fast: not a number');
    expect((await refusal(run('http://127.0.0.1:9/', { rate: '10', vus: '2' }, dir))).message).toContain('exclude each other');
    expect((await refusal(run('http://127.0.0.1:9/', { profile: 'stress', vus: '2' }, dir))).message).toContain('use --rate');
    expect((await refusal(run('http://127.0.0.1:9/', { duration: '5h' }, dir))).message).toContain('capped');
    expect((await refusal(run('http://127.0.0.1:9/', { rate: '1000', duration: '10s', maxRequests: '500' }, dir))).message).toContain('above the cap of 500');
    expect((await refusal(run(undefined, {}, dir))).hint).toContain('--env');
  });
});
