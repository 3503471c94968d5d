import { fromMarkdown } from 'mdast-util-from-markdown';

export const RUNBOOK_FILE = 'RUNBOOK.md';
const RUNBOOK_SECTIONS = ['At a glance', 'Deploy', 'Promote', 'Roll back', 'Scale', 'Restore a backup', 'Rotate a secret', 'Logs and alarms'];

interface MdNode {
  type: string;
  depth?: number;
  value?: string;
  children?: MdNode[];
}
const text = (n: MdNode): string => n.value ?? (n.children ?? []).map(text).join('');
const walk = (n: MdNode, out: MdNode[] = []): MdNode[] => {
  out.push(n);
  for (const c of n.children ?? []) walk(c, out);
  return out;
};

/**
 * RUNBOOK.md parses as Markdown, has every section in order, no unfilled placeholder from
 * Slipway itself, and every generated file it names in `code` (pipelines, manifests) exists.
 */
export function runbookProblems(content: string, files: ReadonlySet<string>): string[] {
  const nodes = walk(fromMarkdown(content) as MdNode);
  const problems: string[] = [];
  const headings = nodes.filter((n) => n.type === 'heading' && n.depth === 2).map(text);
  let at = -1;
  for (const s of RUNBOOK_SECTIONS) {
    const i = headings.indexOf(s);
    if (i < 0) problems.push(`${RUNBOOK_FILE}: no "${s}" section`);
    else if (i < at) problems.push(`${RUNBOOK_FILE}: "${s}" is out of order`);
    else at = i;
  }
  if (!nodes.some((n) => n.type === 'code' && /kubectl|slipway/.test(n.value ?? ''))) problems.push(`${RUNBOOK_FILE}: no command to run`);
  if (/undefined|\[object Object\]|NaN/.test(content)) problems.push(`${RUNBOOK_FILE}: a value was not filled in`);
  for (const n of nodes.filter((x) => x.type === 'inlineCode')) {
    const v = n.value ?? '';
    if (/^(\.github\/workflows|\.gitlab|ci\/(jenkins|codepipeline))\/[^ *]+$|^bitbucket-pipelines\.yml$|^\.gitlab-ci\.yml$/.test(v) && !files.has(v)) problems.push(`${RUNBOOK_FILE}: names ${v}, which was not rendered`);
  }
  return problems;
}
