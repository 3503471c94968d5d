import { parse } from '@cdktf/hcl2json';

/** An HCL file as hcl2json reads it: block type → labels → bodies (arrays, one per occurrence). */
export type HclJson = Record<string, unknown>;

export interface HclProblem {
  file: string;
  message: string;
}

/** Parses every .tf / .tfvars / .tfbackend file with HashiCorp's parser (compiled to WASM). */
export async function parseHclFiles(files: Record<string, string>): Promise<{ parsed: Record<string, HclJson>; problems: HclProblem[] }> {
  const parsed: Record<string, HclJson> = {};
  const problems: HclProblem[] = [];
  for (const [file, content] of Object.entries(files)) {
    if (!isHcl(file)) continue;
    try {
      parsed[file] = (await parse(file, content)) as HclJson;
    } catch (err) {
      problems.push({ file, message: String((err as Error).message ?? err).split('\n')[0]! });
    }
  }
  return { parsed, problems };
}

export const isHcl = (file: string) => /\.(tf|tfvars|tfbackend)$/.test(file);
