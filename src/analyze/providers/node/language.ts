import type { FactSheet } from '../../facts.js';
import { repoPath, type RepoView } from '../../repo.js';

const TS_FILE = /\.(ts|tsx|mts|cts)$/;
const JS_FILE = /\.(js|jsx|mjs|cjs)$/;
/** Build output, vendored and config files say nothing about the language the team writes. */
const IGNORED = /(^|\/)(dist|build|out|public|static|coverage|vendor|assets|\.[^/]+)\/|\.d\.ts$|\.min\.js$|(^|\/)[^/]+\.config\.[cm]?[jt]s$/;

/**
 * JavaScript or TypeScript: whichever the component's own source files are mostly written
 * in (a tsconfig.json alone is not enough: JavaScript projects type-check with it too).
 */
export function addLanguage(repo: RepoView, dir: string, facts: FactSheet): void {
  const prefix = dir === '.' ? '' : `${dir}/`;
  let ts = 0;
  let js = 0;
  for (const f of repo.files()) {
    if (!f.startsWith(prefix)) continue;
    const rel = f.slice(prefix.length);
    if (IGNORED.test(rel)) continue;
    if (TS_FILE.test(rel)) ts++;
    else if (JS_FILE.test(rel)) js++;
  }
  if (ts === 0 && js === 0) {
    const tsconfig = repo.has(repoPath(dir, 'tsconfig.json'));
    facts.add('language', tsconfig ? 'typescript' : 'javascript', {
      source: tsconfig ? 'config' : 'convention',
      ...(tsconfig ? { file: repoPath(dir, 'tsconfig.json') } : {}),
      reason: tsconfig ? 'no source files yet; tsconfig.json is present' : 'package.json without source files',
    });
    return;
  }
  const language = ts > js ? 'typescript' : 'javascript';
  facts.add('language', language, { source: 'source', reason: `${ts} TypeScript and ${js} JavaScript source files` });
}
