import { createTwoFilesPatch } from 'diff';
import type { PlannedFile } from './plan.js';

/** Unified diff of what `generate` would change; empty when nothing would. */
export function planDiff(planned: PlannedFile[]): string {
  return planned
    .filter((p) => p.action !== 'unchanged')
    .map((p) =>
      createTwoFilesPatch(
        p.action === 'create' ? '/dev/null' : `a/${p.file.path}`,
        `b/${p.file.path}`,
        p.existing ?? '',
        p.file.content,
        p.action === 'conflict' ? 'written by you' : undefined,
        p.action === 'create' ? 'new' : undefined,
      ),
    )
    .join('');
}
