import { join } from 'node:path';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { parseDockerfile } from '../parse/dockerfile.js';
import { sourceText } from '../parse/source.js';
import { parseTerraformFile } from '../parse/terraform.js';
import { parseYamlFile } from '../parse/yaml.js';
import { classify } from '../load/discover.js';
import type { ReviewResult } from '../review.js';
import { applyEdits, type TextEdit } from './text-edit.js';

export interface FixReport {
  /** Files rewritten (repository-relative). */
  changed: string[];
  /** Edits applied, over all passes. */
  applied: number;
  passes: number;
  /** Files whose edits would not have parsed: left untouched. */
  rejected: { file: string; reason: string }[];
  /** The review after fixing. */
  result: ReviewResult;
}

export type Reviewer = () => Promise<{ result: ReviewResult; fixables: { fix: () => TextEdit[] }[]; root: string; sources: ReadonlyMap<string, { text: string }> }>;

const MAX_PASSES = 8;

/**
 * Applies every available fix, re-reviewing between passes (two fixes that touch the same
 * spot are applied one per pass, against fresh text). A file is written only if the result
 * still parses the same way, atomically, so a crash never leaves half a file.
 */
export async function applyFixes(review: Reviewer): Promise<FixReport> {
  const changed = new Set<string>();
  const rejected: FixReport['rejected'] = [];
  let applied = 0;
  let passes = 0;
  let current = await review();
  while (passes < MAX_PASSES && current.fixables.length > 0) {
    passes++;
    const byFile = new Map<string, TextEdit[]>();
    for (const f of current.fixables) {
      for (const e of f.fix()) {
        const list = byFile.get(e.file);
        if (list) list.push(e);
        else byFile.set(e.file, [e]);
      }
    }
    let wrote = false;
    for (const [file, edits] of byFile) {
      const before = current.sources.get(file)?.text;
      if (before === undefined || rejected.some((r) => r.file === file)) continue;
      const out = applyEdits(before, edits);
      if (out.text === before) continue;
      const problem = await verify(file, before, out.text);
      if (problem) {
        rejected.push({ file, reason: problem });
        continue;
      }
      writeFileAtomic(join(current.root, file), out.text);
      changed.add(file);
      applied += out.applied.length;
      wrote = true;
    }
    if (!wrote) break;
    current = await review();
  }
  return { changed: [...changed].sort(), applied, passes, rejected, result: current.result };
}

/** The rewritten text must parse as cleanly as the original did. */
async function verify(file: string, before: string, after: string): Promise<string | undefined> {
  const kind = classify(file);
  const rewritten = sourceText(file, after);
  if (kind === 'dockerfile') return parseDockerfile(rewritten).ok ? undefined : 'the rewritten Dockerfile does not parse';
  if (kind === 'terraform') return (await parseTerraformFile(rewritten)).ok ? undefined : 'the rewritten HCL does not parse';
  if (/\.ya?ml$/i.test(file)) {
    const a = parseYamlFile(sourceText(file, before));
    const b = parseYamlFile(rewritten);
    if (b.problems.length > a.problems.length) return `the rewritten YAML does not parse: ${b.problems[0]?.message}`;
    if (b.docs.length !== a.docs.length) return 'the rewritten YAML has a different number of documents';
  }
  return undefined;
}
