import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { k8sRenderer } from '../src/render/k8s/index.js';
import { checkK8sOutput } from '../src/render/k8s/validate/index.js';
import { terraformRenderer } from '../src/render/terraform/index.js';
import { checkTerraformOutput } from '../src/render/terraform/validate/index.js';
import { listExamples } from './helpers/examples.js';
import { writeRendered } from './helpers/rendered-files.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

// Every example app: analyze (or its slipway.yaml) → k8s + terraform → every offline check.
const deployable = listExamples().filter((e) => e.check.exitCode === undefined);

describe.each(deployable)('generate k8s + terraform for examples/$name', ({ dir }) => {
  it('passes the schema, kustomize, HCL parse, fmt and reference checks', async () => {
    const { spec } = loadProject(dir);
    const files = [...k8sRenderer.render(spec, {}).files, ...terraformRenderer.render(spec, {}).files];
    const { root, byPath } = writeRendered(files);
    roots.push(root);
    const checks = [...(await checkK8sOutput(root, byPath)), ...(await checkTerraformOutput(root, byPath))];
    expect(checks.map((c) => c.check)).toEqual(['k8s schema', 'kustomize build', 'k8s schema (built)', 'hcl parse', 'terraform fmt', 'terraform references']);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });
});

it('has examples to generate for', () => {
  expect(deployable.length).toBeGreaterThan(0);
});
