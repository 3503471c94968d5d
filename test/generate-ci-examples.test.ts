import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { CI_TARGETS, ciRenderer } from '../src/render/ci/index.js';
import { checkCiOutput } from '../src/render/ci/validate.js';
import { runbookRenderer } from '../src/render/runbook/index.js';
import { listExamples } from './helpers/examples.js';
import { writeRendered } from './helpers/rendered-files.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

// Every example app: CI pipelines for each of the five CIs, and the runbook, pass the validators.
const deployable = listExamples().filter((e) => e.check.exitCode === undefined);

describe.each(deployable)('generate ci + runbook for examples/$name', ({ dir }) => {
  const { spec } = loadProject(dir);
  it(`pipelines for ${CI_TARGETS.join(', ')} and RUNBOOK.md pass every check`, async () => {
    // The five targets are checked concurrently: most of the time is parsers and `terraform fmt`.
    const outcomes = await Promise.all(
      CI_TARGETS.map(async (target) => {
        const files = [...ciRenderer.render(spec, { target }).files, ...runbookRenderer.render(spec, { target }).files];
        const { root } = writeRendered(files, 'slipway-test-ci-');
        roots.push(root);
        const results = await checkCiOutput(root, files);
        return { target, checks: results.map((r) => r.check), failed: results.filter((r) => !r.ok) };
      }),
    );
    for (const o of outcomes) {
      expect(o.checks, o.target).toEqual(expect.arrayContaining(['ci stages', 'runbook']));
      expect(o.failed, o.target).toEqual([]);
    }
  });
});

it('has examples to generate for', () => {
  expect(deployable.length).toBeGreaterThan(0);
});
