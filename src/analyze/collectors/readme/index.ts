import { posix } from 'node:path';
import type { FactSheet } from '../../facts.js';
import type { AnalyzeContext, EvidenceCollector } from '../../provider.js';
import { repoPath, type RepoView } from '../../repo.js';
import { isSoleComponent } from '../scope.js';
import { addReadmeCommands } from './commands.js';
import { addReadmeEnv } from './env-vars.js';
import { addReadmeHealth } from './health.js';
import { parseReadme, type ReadmeDoc } from './markdown.js';
import { addReadmePorts } from './ports.js';
import { addReadmeServices } from './services.js';
import { shellLines } from './shell-lines.js';
import { addReadmeComposeSnippets } from './snippets.js';
import type { ReadmeView } from './types.js';
import { addReadmeVersions } from './versions.js';

const README_NAMES = ['README.md', 'readme.md', 'Readme.md', 'README.MD', 'README.markdown', 'README'];
/** READMEs are read up to this many bytes: a huge README must not stall analysis. */
export const MAX_README_BYTES = 256 * 1024;

/**
 * The README evidence source. A component reads its own directory's README, and the root
 * README: all of it when the component is the repository's only one (or is the root), else
 * only the parts that are about it — code after `cd <its dir>` and sections whose heading
 * names it. Commands for another ecosystem or another component's directory never count.
 */
export const readmeCollector: EvidenceCollector = {
  id: 'readme',
  collect(repo, facts, ctx) {
    const own = findReadme(repo, facts.dir);
    const views: ReadmeView[] = [];
    if (own) views.push(view(repo, own, facts, ctx, false));
    if (facts.dir !== '.') {
      const root = findReadme(repo, '.');
      if (root) views.push(view(repo, root, facts, ctx, !isSoleComponent(facts, ctx)));
    }
    for (const v of views) {
      const rctx = { repo, facts, view: v };
      addReadmeCommands(rctx);
      addReadmeComposeSnippets(rctx);
      addReadmePorts(rctx);
      addReadmeEnv(rctx);
      addReadmeServices(rctx);
      addReadmeVersions(rctx);
      addReadmeHealth(rctx);
    }
  },
};

function findReadme(repo: RepoView, dir: string): string | undefined {
  return README_NAMES.map((n) => repoPath(dir, n)).find((f) => repo.has(f));
}

/** Each README is parsed once per analysis, however many components read it. */
function parsed(repo: RepoView, file: string): ReadmeDoc {
  return repo.memo(`readme:${file}`, () => parseReadme(file, repo.read(file, MAX_README_BYTES) ?? ''));
}

function view(repo: RepoView, file: string, facts: FactSheet, ctx: AnalyzeContext, scoped: boolean): ReadmeView {
  const doc = parsed(repo, file);
  const others = ctx.componentDirs.filter((d) => d !== facts.dir && d !== '.');
  const inOther = (cwd: string) => others.some((d) => cwd === d || cwd.startsWith(`${d}/`)) && !(cwd === facts.dir || cwd.startsWith(`${facts.dir}/`));
  const names = [posix.basename(facts.dir), facts.name?.replace(/^@[^/]+\//, '')].filter((n): n is string => Boolean(n && n.length >= 3 && n !== '.'));
  const mentions = (section: string) => names.some((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(section));
  const mine = (cwd: string) => facts.dir === '.' ? cwd === '.' || !inOther(cwd) : cwd === facts.dir || cwd.startsWith(`${facts.dir}/`);
  const shell = shellLines(doc, repo).filter((l) => (scoped ? mine(l.cwd) || (mentions(l.section) && !inOther(l.cwd)) : !inOther(l.cwd)));
  const keep = <T extends { section: string }>(list: T[]) => (scoped ? list.filter((x) => mentions(x.section)) : list);
  const otherBlocks = keep(doc.codeBlocks.map((b) => ({ lang: b.lang, text: b.lines.map((l) => l.text).join('\n'), line: b.lines[0]?.line ?? 1, section: b.section })));
  return { file, shell, otherBlocks, inline: keep(doc.inlineCodes), prose: keep(doc.prose) };
}
