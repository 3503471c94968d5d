import { generate, selectRenderers } from '../../generate/index.js';
import { UserError } from '../../errors.js';
import type { AppSpec } from '../../spec/app-spec.js';

export interface GeneratedSummary {
  written: string[];
  /** Renderers left out, and why: a file the team wrote is in the way, or the spec lacks keys. */
  skipped: { renderer: string; why: string }[];
}

/**
 * `slipway up`'s generate stage: every registered renderer through the generate edge (which
 * never replaces a file the team wrote). A renderer blocked by such a file, or by keys the
 * spec lacks, is skipped with the reason instead of stopping `up`.
 */
export function generateForUp(projectDir: string, spec: AppSpec): GeneratedSummary {
  const summary: GeneratedSummary = { written: [], skipped: [] };
  for (const r of selectRenderers(['all'])) {
    try {
      const dry = generate(projectDir, spec, { what: [r.id], dryRun: true });
      if (dry.refused.length) {
        summary.skipped.push({ renderer: r.id, why: `yours, kept: ${dry.refused.map((p) => p.file.path).join(', ')}` });
        continue;
      }
      const done = generate(projectDir, spec, { what: [r.id] });
      summary.written.push(...done.written.filter((p) => p.action !== 'unchanged').map((p) => p.file.path));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      summary.skipped.push({ renderer: r.id, why: err.message.split('\n').join(' ') });
    }
  }
  return summary;
}
