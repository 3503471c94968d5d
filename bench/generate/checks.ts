import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from '../../src/render/k8s/validate/index.js';
import { checkK8sOutput } from '../../src/render/k8s/validate/index.js';
import { checkTerraformOutput } from '../../src/render/terraform/validate/index.js';

type Checker = (root: string, files: Record<string, string>) => Promise<CheckResult[]>;

/**
 * Every validation of generated output: k8s (schema + kustomize), Terraform (parse, fmt,
 * references) and, once src/render/ci/validate.ts exists, the CI exporters' validators
 * (its exported `checkCiOutput(root, files)`).
 */
export async function checkers(): Promise<{ name: string; run: Checker }[]> {
  const list: { name: string; run: Checker }[] = [
    { name: 'k8s', run: checkK8sOutput },
    { name: 'terraform', run: checkTerraformOutput },
  ];
  const ci = new URL('../../src/render/ci/validate.ts', import.meta.url);
  if (existsSync(fileURLToPath(ci))) {
    const mod = (await import(ci.href)) as { checkCiOutput?: Checker };
    if (typeof mod.checkCiOutput === 'function') list.push({ name: 'ci', run: mod.checkCiOutput });
    else process.stderr.write('src/render/ci/validate.ts exports no checkCiOutput(root, files): CI output not checked\n');
  } else {
    process.stderr.write('src/render/ci/validate.ts does not exist yet: CI output not checked\n');
  }
  return list;
}
