import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { EXIT } from '../errors.js';

const CLEAN = fileURLToPath(new URL('./__fixtures__/clean-repo', import.meta.url));
const BAD = fileURLToPath(new URL('./rules/dockerfile/__fixtures__/df-007.bad.Dockerfile', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function badRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-test-review-'));
  dirs.push(dir);
  cpSync(BAD, join(dir, 'Dockerfile'));
  return dir;
}

describe('slipway review (CLI)', () => {
  it('passes the gate on a clean repository and prints the scores', async () => {
    const r = await runCli(['review', CLEAN, '--gate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain('gate: passed');
    expect(r.stdout).toMatch(/Overall\s+100/);
  });

  it(`exits ${EXIT.gateFailed} when the gate fails, 0 without a gate`, async () => {
    const dir = badRepo();
    const gated = await runCli(['review', dir, '--fail-on', 'low', '--format', 'json']);
    expect(gated.code).toBe(EXIT.gateFailed);
    const json = JSON.parse(gated.stdout) as { gate: { passed: boolean; reasons: string[] } };
    expect(json.gate.passed).toBe(false);
    const plain = await runCli(['review', dir]);
    expect(plain.code).toBe(EXIT.ok);
    expect(await runCli(['review', dir, '--min-score', '0'])).toMatchObject({ code: EXIT.ok });
  });

  it('writes SARIF to stdout', async () => {
    const r = await runCli(['review', badRepo(), '--format', 'sarif']);
    expect(r.code).toBe(EXIT.ok);
    expect((JSON.parse(r.stdout) as { version: string }).version).toBe('2.1.0');
  });

  it('--fix rewrites the file; a second --fix has nothing left to fix', async () => {
    const dir = badRepo();
    const first = await runCli(['review', dir, '--fix']);
    expect(first.code).toBe(EXIT.ok);
    expect(first.stdout).toMatch(/^fixed \d+ finding\(s\) in Dockerfile/);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('--no-install-recommends');
    const second = await runCli(['review', dir, '--fix']);
    expect(second.stdout).toMatch(/^nothing to fix/);
  });

  it('rejects bad options and missing directories as usage errors, without a stack trace', async () => {
    expect((await runCli(['review', CLEAN, '--format', 'xml'])).code).toBe(EXIT.usage);
    expect((await runCli(['review', CLEAN, '--min-score', '120'])).code).toBe(EXIT.usage);
    const missing = await runCli(['review', join(tmpdir(), 'slipway-test-no-such-dir')]);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toMatch(/no such directory/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
