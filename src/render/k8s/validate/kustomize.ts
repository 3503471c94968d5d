import { execa } from 'execa';

/**
 * `kubectl kustomize <dir>`: what would be applied. An effect (a process), so it lives
 * apart from the pure renderer; tests and bench/generate call it on written files.
 */
export async function kustomizeBuild(dir: string): Promise<{ ok: true; yaml: string } | { ok: false; error: string }> {
  const r = await execa('kubectl', ['kustomize', dir], { reject: false, timeout: 60_000 });
  if (r.exitCode === 0) return { ok: true, yaml: r.stdout };
  return { ok: false, error: (r.stderr || r.stdout || String(r.exitCode)).trim().split('\n').slice(0, 5).join('\n') };
}
