import { findLine, lineText } from '../../../parse/manifest.js';
import { repoPath } from '../../../repo.js';
import type { FrameworkContext } from './types.js';

export interface ConfigText {
  file: string;
  text: string;
}

const EXTENSIONS = ['js', 'mjs', 'cjs', 'ts', 'mts'];

/** The first existing `<base>.{js,mjs,cjs,ts,mts}` of the component, as text (never evaluated). */
export function readConfig(ctx: FrameworkContext, base: string): ConfigText | undefined {
  for (const ext of EXTENSIONS) {
    const file = repoPath(ctx.dir, `${base}.${ext}`);
    const text = ctx.repo.read(file, 256 * 1024);
    if (text !== null) return { file, text: stripComments(text) };
  }
  return undefined;
}

/** Where a pattern occurs in a config file, for evidence. */
export function at(cfg: ConfigText, pattern: RegExp): { file: string; line?: number; excerpt?: string } {
  const line = findLine(cfg.text, pattern);
  const excerpt = lineText(cfg.text, line);
  return { file: cfg.file, ...(line ? { line } : {}), ...(excerpt ? { excerpt } : {}) };
}

/** Comments out of JS/TS config text, keeping line numbers (commented-out options must not count). */
function stripComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}
