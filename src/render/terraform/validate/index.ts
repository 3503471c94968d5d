import { join } from 'node:path';
import type { CheckResult } from '../../k8s/validate/index.js';
import { TERRAFORM_DIR } from '../context.js';
import { terraformFmtCheck } from './fmt.js';
import { parseHclFiles, type HclJson } from './parse.js';
import { checkReferences } from './references.js';

export { parseHclFiles } from './parse.js';
export { checkReferences } from './references.js';
export { terraformFmtCheck } from './fmt.js';

/**
 * Every offline check of rendered Terraform written under `root`: HashiCorp's parser on each
 * file, `terraform fmt -check`, and the reference check per root module (the main
 * configuration with its tfvars, and bootstrap/). `terraform validate` needs providers
 * downloaded, which this machine cannot do (docs/terraform.md).
 */
export async function checkTerraformOutput(root: string, files: Record<string, string>): Promise<CheckResult[]> {
  const ours = Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith(`${TERRAFORM_DIR}/`)));
  const { parsed, problems } = await parseHclFiles(ours);
  const results: CheckResult[] = [{ check: 'hcl parse', ok: problems.length === 0 && Object.keys(parsed).length > 0, problems: problems.map((p) => `${p.file}: ${p.message}`) }];
  const fmt = await terraformFmtCheck(join(root, TERRAFORM_DIR));
  results.push({ check: 'terraform fmt', ok: fmt.ok, problems: fmt.ok ? [] : [fmt.output] });
  const modules = new Map<string, { tf: Record<string, HclJson>; tfvars: Record<string, HclJson> }>();
  for (const [file, json] of Object.entries(parsed)) {
    const dir = file.endsWith('.tfvars') || file.endsWith('.tfbackend') ? file.replace(/\/env\/[^/]+$/, '') : file.replace(/\/[^/]+$/, '');
    const m = modules.get(dir) ?? { tf: {}, tfvars: {} };
    if (file.endsWith('.tf')) m.tf[file] = json;
    else if (file.endsWith('.tfvars')) m.tfvars[file] = json;
    modules.set(dir, m);
  }
  const refProblems: string[] = [];
  for (const m of modules.values()) refProblems.push(...(await checkReferences(m.tf, m.tfvars)).map((p) => `${p.file}: ${p.message}`));
  results.push({ check: 'terraform references', ok: refProblems.length === 0 && modules.size > 0, problems: refProblems });
  return results;
}
