import type { FactSheet, Origin } from '../../facts.js';
import type { RepoView } from '../../repo.js';
import type { InlineCode, ProseLine } from './markdown.js';
import type { ShellLine } from './shell-lines.js';

/** The parts of one README that apply to one component. */
export interface ReadmeView {
  file: string;
  shell: ShellLine[];
  /** Code blocks that are not shell: YAML (compose snippets), dotenv, JSON … */
  otherBlocks: { lang: string; text: string; line: number; section: string }[];
  inline: InlineCode[];
  prose: ProseLine[];
}

export interface ReadmeContext {
  repo: RepoView;
  facts: FactSheet;
  view: ReadmeView;
}

/** Evidence from a README line. */
export function readmeOrigin(view: ReadmeView, line: number, excerpt: string, reason: string, weight?: number): Origin {
  return { source: 'readme', file: view.file, line, excerpt: excerpt.trim().slice(0, 200), reason, ...(weight !== undefined ? { weight } : {}) };
}
