import { execa } from 'execa';

/**
 * `terraform fmt -check -recursive -diff <dir>`: the files are exactly as fmt would write
 * them. A process, so it runs on written files (tests, bench/generate), not in the renderer.
 */
export async function terraformFmtCheck(dir: string): Promise<{ ok: boolean; output: string }> {
  const r = await execa('terraform', ['fmt', '-check', '-recursive', '-diff', '-no-color', dir], { reject: false, timeout: 60_000 });
  return { ok: r.exitCode === 0, output: `${r.stdout}\n${r.stderr}`.trim() };
}
