import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

export interface CodeLine {
  text: string;
  /** 1-based line in the README. */
  line: number;
}

export interface CodeBlock {
  lang: string;
  lines: CodeLine[];
  /** Heading path above the block: "Installation > Docker". */
  section: string;
}

export interface InlineCode {
  value: string;
  line: number;
  section: string;
  /** Raw text of the source line it sits on (prose context for classification). */
  context: string;
}

export interface ProseLine {
  text: string;
  line: number;
  section: string;
}

/** A README as the collectors see it: shell-able code, inline code and prose, each with its line. */
export interface ReadmeDoc {
  file: string;
  codeBlocks: CodeBlock[];
  inlineCodes: InlineCode[];
  prose: ProseLine[];
}

/**
 * Block structure only: inline constructs (emphasis, links, code spans …) are switched off in
 * micromark — they are most of its work and the collectors read inline code and prose from the
 * source lines themselves.
 */
const BLOCKS_ONLY: Parameters<typeof fromMarkdown>[1] = {
  extensions: [{ disable: { null: ['attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'hardBreakTrailing', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink'] } }],
};
/** An inline code span on one line: `npm start`, ``a `b` c``. */
const CODE_SPAN = /(`+)(?!`)(.+?)(?<!`)\1(?!`)/g;

/** Parses markdown with mdast-util-from-markdown (CommonMark blocks); never throws on odd input. */
export function parseReadme(file: string, text: string): ReadmeDoc {
  const source = withoutDecoration(text.split('\n'));
  const { markdown, lineOf } = skeleton(source);
  let tree: Root;
  try {
    tree = fromMarkdown(markdown, BLOCKS_ONLY);
  } catch {
    tree = { type: 'root', children: [] };
  }
  const original = (skeletonLine: number) => lineOf[skeletonLine - 1] ?? skeletonLine;
  const headings: { line: number; depth: number; text: string }[] = [];
  const codeRanges: { start: number; end: number }[] = commentRanges(source);
  const codeBlocks: CodeBlock[] = [];
  const visit = (node: Nodes) => {
    const start = node.position?.start.line ?? 0;
    const end = node.position?.end.line ?? start;
    if (node.type === 'heading') headings.push({ line: original(start), depth: node.depth, text: plain(node) });
    if (node.type === 'code') {
      codeRanges.push({ start: original(start), end: original(end) });
      const fenced = /^\s*(```|~~~)/.test(source[original(start) - 1] ?? '');
      const first = fenced ? start + 1 : start;
      codeBlocks.push({ lang: (node.lang ?? '').toLowerCase(), section: '', lines: node.value.split('\n').map((t, i) => ({ text: t, line: original(first + i) })) });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);

  const sections = sectionsByLine(headings, source.length);
  const sectionAt = (line: number) => sections[line - 1] ?? '';
  const codeLine = new Uint8Array(source.length + 2);
  for (const r of codeRanges) codeLine.fill(1, r.start, Math.min(r.end, source.length) + 1);
  for (const b of codeBlocks) b.section = sectionAt(b.lines[0]?.line ?? 1);
  const prose: ProseLine[] = [];
  const inlineCodes: InlineCode[] = [];
  source.forEach((t, i) => {
    if (!t.trim() || codeLine[i + 1] === 1) return;
    const section = sectionAt(i + 1);
    prose.push({ text: t, line: i + 1, section });
    for (const m of t.matchAll(CODE_SPAN)) inlineCodes.push({ value: m[2]!.trim(), line: i + 1, section, context: t });
  });
  return { file, codeBlocks, inlineCodes, prose };
}

/** Lines inside `<!-- … -->` comments: never prose. */
function commentRanges(lines: string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let open: number | undefined;
  lines.forEach((l, i) => {
    let rest = l;
    for (;;) {
      if (open === undefined) {
        const at = rest.indexOf('<!--');
        if (at < 0) break;
        open = i + 1;
        rest = rest.slice(at + 4);
      }
      const close = rest.indexOf('-->');
      if (close < 0) break;
      out.push({ start: open, end: i + 1 });
      open = undefined;
      rest = rest.slice(close + 3);
    }
  });
  if (open !== undefined) out.push({ start: open, end: lines.length });
  return out;
}

/** The heading path ("Install > Docker") of every line, computed in one pass. */
function sectionsByLine(headings: { line: number; depth: number; text: string }[], lines: number): string[] {
  const out = new Array<string>(lines);
  const path: { depth: number; text: string }[] = [];
  let current = '';
  let next = 0;
  for (let line = 1; line <= lines; line++) {
    while (next < headings.length && headings[next]!.line <= line) {
      const h = headings[next++]!;
      while (path.length && path.at(-1)!.depth >= h.depth) path.pop();
      path.push(h);
      current = path.map((p) => p.text).join(' > ');
    }
    out[line - 1] = current;
  }
  return out;
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  return '';
}

/** Fenced code in these languages can hold evidence (commands, compose and dotenv snippets); other code is blanked. */
const KEPT_LANGS = /^(|sh|bash|shell|zsh|console|shellsession|sh-session|terminal|powershell|ps1|ps|cmd|bat|fish|text|txt|plaintext|plain|none|docker|ya?ml|compose|docker-compose|env|dotenv|ini|properties|conf)$/;

/**
 * Badge rows, images, bare HTML tags and code in programming languages carry no commands:
 * blanked (line numbers kept) so the markdown parser has less to do.
 */
function withoutDecoration(lines: string[]): string[] {
  let fence: { marker: string; keep: boolean } | undefined;
  return lines.map((l) => {
    const open = /^\s*(```+|~~~+)\s*([\w+-]*)/.exec(l);
    if (fence) {
      if (open && open[1]!.startsWith(fence.marker) && !open[2]) fence = undefined;
      return fence && !fence.keep ? '' : l;
    }
    if (open) {
      fence = { marker: open[1]!, keep: KEPT_LANGS.test(open[2]!.toLowerCase()) };
      return l;
    }
    if (/^\s*(\[?!\[[^\]]*\]\([^)]*\)\]?(\([^)]*\))?\s*)+$/.test(l)) return '';
    if (/^\s*<\/?(img|p|a|br|div|picture|source|h\d|center|sup|sub)\b[^>]*>\s*$/i.test(l)) return '';
    return l;
  });
}

/**
 * The README reduced to the lines that make its block structure, for the parser: ATX and
 * setext headings, fenced code with its content, indented code (only where CommonMark starts
 * one: not right after prose), each run of prose collapsed to a one-line paragraph.
 * The parser's work is mostly proportional to lines (lists especially), and prose and inline
 * code are read from the original lines anyway. `lineOf` maps skeleton lines back.
 */
function skeleton(lines: string[]): { markdown: string; lineOf: number[] } {
  const out: string[] = [];
  const lineOf: number[] = [];
  const keep = (l: string, i: number) => {
    out.push(l);
    lineOf.push(i + 1);
  };
  const gap = (i: number) => {
    if (out.length && out.at(-1) !== '') keep('', i);
  };
  // A run of prose stays one paragraph (it separates code blocks, like the original text).
  const paragraph = (i: number) => {
    gap(i);
    keep('x', i);
    keep('', i);
  };
  let fence: string | undefined;
  let previous: 'blank' | 'prose' | 'code' = 'blank';
  lines.forEach((l, i) => {
    const marker = /^ {0,3}(```+|~~~+)/.exec(l)?.[1];
    if (fence) {
      keep(l, i);
      if (marker?.startsWith(fence) && !/[^`~\s]/.test(l.trim().slice(marker.length))) fence = undefined;
      return;
    }
    if (marker) {
      fence = marker;
      keep(l, i);
      previous = 'code';
      return;
    }
    if (!l.trim()) {
      if (previous === 'code') keep(l, i);
      else if (previous === 'prose') previous = 'blank';
      return;
    }
    if (/^( {4}|\t)/.test(l) && previous !== 'prose') {
      keep(l, i);
      previous = 'code';
      return;
    }
    if (/^ {0,3}#{1,6}(\s|$)/.test(l)) {
      keep(l, i);
      previous = 'blank'; // an ATX heading is not a paragraph: indented code may follow it
      return;
    }
    if (SETEXT.test(l) || SETEXT.test(lines[i + 1] ?? '')) {
      keep(l, i);
      previous = 'prose';
      return;
    }
    if (previous !== 'prose') paragraph(i);
    previous = 'prose';
  });
  return { markdown: out.join('\n'), lineOf };
}

const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
