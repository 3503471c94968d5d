import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { EXAMPLES_DIR } from './helpers/examples.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyOf(example: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'slipway-test-ci-cli-')), example);
  dirs.push(join(dir, '..'));
  cpSync(join(EXAMPLES_DIR, example), dir, { recursive: true });
  return dir;
}

it('`slipway generate ci --target jenkins` writes a Jenkinsfile per component and environment', async () => {
  const dir = copyOf('node-pnpm-monorepo');
  const r = await runCli(['generate', 'ci', dir, '--target', 'jenkins']);
  expect(r.code, r.stderr).toBe(0);
  for (const f of ['ci/jenkins/api.Jenkinsfile', 'ci/jenkins/web.Jenkinsfile', 'ci/jenkins/infrastructure-prod.Jenkinsfile']) {
    expect(r.stdout).toContain(`created   ${f}`);
    expect(readFileSync(join(dir, f), 'utf8')).toContain('pipeline {');
  }
});

it('an unknown target is a usage error that names the valid ones, without a stack trace', async () => {
  const r = await runCli(['generate', 'ci', copyOf('node-hello'), '--target', 'travis']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--target: unknown CI target "travis"');
  expect(r.stderr).toContain('github, gitlab, jenkins, bitbucket, codepipeline');
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

it('`generate all` writes the CI named in slipway.yaml, and RUNBOOK.md', async () => {
  const dir = copyOf('node-express-pg');
  expect((await runCli(['analyze', dir, '--write'])).code).toBe(0);
  appendFileSync(join(dir, 'slipway.yaml'), 'ci:\n  target: bitbucket\n');
  const r = await runCli(['generate', 'all', dir]);
  expect(r.code, r.stderr).toBe(0);
  expect(existsSync(join(dir, 'bitbucket-pipelines.yml'))).toBe(true);
  expect(existsSync(join(dir, '.github'))).toBe(false);
  const runbook = readFileSync(join(dir, 'RUNBOOK.md'), 'utf8');
  expect(runbook).toContain('pipelines on Bitbucket Pipelines');
  expect(runbook).toContain('orders-api');
});
