import type { FactSheet } from '../facts.js';
import type { AnalyzeContext } from '../provider.js';
import { repoPath } from '../repo.js';

export interface EvidenceDir {
  dir: string;
  /** True for the repository root read on behalf of a component in a subdirectory. */
  shared: boolean;
}

/**
 * Where a component's README, Procfile, .env.example, compose and nginx files are looked for:
 * its own directory, then the repository root when the component is the repository's only
 * one (a root README then describes it). In a repository with several components the root
 * files are shared, and only the parts that name the component count (see readme/index.ts).
 */
export function evidenceDirs(facts: FactSheet, ctx: AnalyzeContext): EvidenceDir[] {
  if (facts.dir === '.') return [{ dir: '.', shared: false }];
  const dirs: EvidenceDir[] = [{ dir: facts.dir, shared: false }];
  if (isSoleComponent(facts, ctx)) dirs.push({ dir: '.', shared: true });
  return dirs;
}

/** True when no other directory of the repository holds a component. */
export function isSoleComponent(facts: FactSheet, ctx: AnalyzeContext): boolean {
  return ctx.componentDirs.every((d) => d === facts.dir || d === '.');
}

/** Those of `names` that exist in the component's evidence directories, its own directory first. */
export function findInScope(facts: FactSheet, ctx: AnalyzeContext, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const { dir } of evidenceDirs(facts, ctx)) {
    for (const n of names) {
      const file = repoPath(dir, n);
      if (ctx.repo.has(file)) out.push(file);
    }
  }
  return out;
}
