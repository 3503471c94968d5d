import { createRequire } from 'node:module';
import { scanHcl, HclScanError, type HclBlock } from './hcl-positions.js';
import { positionAt, type ParseProblem, type SourceText } from './source.js';

interface Hcl2Json {
  parse(filename: string, contents: string): Promise<Record<string, unknown>>;
}
// @cdktf/hcl2json is CommonJS and loads a Go WASM build of HashiCorp's HCL parser: ~0.4 s,
// so it is loaded on the first Terraform file, not when the CLI starts.
let hcl2json: Hcl2Json | undefined;
const loadHcl2Json = (): Hcl2Json => (hcl2json ??= createRequire(import.meta.url)('@cdktf/hcl2json') as Hcl2Json);

export type Json = Record<string, unknown>;

export interface TfFile {
  path: string;
  source: SourceText;
  json: Json;
  /** Positions; an empty root when the scanner could not follow the file. */
  root: HclBlock;
}

export type TerraformParse = { ok: true; file: TfFile } | { ok: false; problem: ParseProblem };

/** Parses one .tf or .tfvars file: values from HCL's own parser, positions from scanHcl. */
export async function parseTerraformFile(source: SourceText): Promise<TerraformParse> {
  const { path, text } = source;
  let json: Json;
  try {
    json = await loadHcl2Json().parse(path, text);
  } catch (err) {
    return { ok: false, problem: hclProblem(path, String((err as Error).message ?? err)) };
  }
  let root: HclBlock;
  try {
    root = scanHcl(text);
  } catch (err) {
    if (!(err instanceof HclScanError)) throw err;
    const at = positionAt(source, err.offset);
    return { ok: false, problem: { file: path, ...at, message: `malformed HCL: ${err.message}` } };
  }
  return { ok: true, file: { path, source, json, root } };
}

/** "parse config: [main.tf:2,7-3,1: Invalid expression; Expected …]" → file, line, column. */
function hclProblem(path: string, message: string): ParseProblem {
  const m = /:(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^\]]*)/.exec(message);
  if (!m) return { file: path, line: 1, column: 1, message: `malformed HCL: ${message}` };
  return { file: path, line: Number(m[1]), column: Number(m[2]), message: `malformed HCL: ${m[3]!.trim()}` };
}

/** Starts loading the WebAssembly HCL parser ahead of the first file: requiring the module starts it. */
export function warmUpHcl(): void {
  loadHcl2Json();
}
