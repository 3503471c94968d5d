import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Creates <project>/.slipway (the per-project state directory) with a `.gitignore` of "*":
 * state, logs and releases never end up in a commit — nor in a run's workspace — and the
 * team's own .gitignore is left alone.
 */
export function ensureStateDir(projectDir: string): string {
  const root = join(projectDir, '.slipway');
  mkdirSync(root, { recursive: true });
  const ignore = join(root, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '# Slipway state: runs, logs, cache, releases. Never committed.\n*\n');
  return root;
}
