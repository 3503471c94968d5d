import { posix } from 'node:path';
import { defineRule, each, NOTHING } from '../../rule.js';
import type { ReviewContext } from '../../rule.js';
import { isLocalDefaultUrl, isPlaceholder, isSecretName, knownKeyFormat, urlPassword } from '../secrets.js';

export default defineRule({
  meta: {
    id: 'SLW-CFG-004',
    slug: 'env-file-ignored',
    target: 'config',
    pillar: 'security',
    severity: 'medium',
    title: '.env file with secrets not git-ignored',
    rationale: 'A .env file holding real values is one `git add .` away from being published; ignoring it (and committing a .env.example) keeps the shape without the secrets.',
    fixHint: 'Add `.env` (and `.env.*` except `.env.example`) to .gitignore; commit a .env.example with empty values.',
    wellArchitected: ['SEC02-BP03'],
    equivalents: {},
  },
  check(doc, ctx) {
    if (doc.format !== 'env' || doc.example) return NOTHING;
    const secrets = doc.entries.filter((e) => knownKeyFormat(e.value) || (urlPassword(e.value) && !isLocalDefaultUrl(e.value)) || (isSecretName(e.key) && !isPlaceholder(e.value)));
    return each([doc], () => (secrets.length === 0 || ignored(doc.path, ctx) ? null : { location: { file: doc.path, line: secrets[0]!.line, column: 1 }, message: `${doc.path} holds secrets and no .gitignore excludes it` }));
  },
});

/** Whether a .gitignore on the file's path excludes it (simple patterns: exact names, `*` globs, `.env*`). */
function ignored(path: string, ctx: ReviewContext): boolean {
  const base = posix.basename(path);
  let dir = posix.dirname(path);
  for (;;) {
    const gi = ctx.aux.get(dir === '.' ? '.gitignore' : `${dir}/.gitignore`);
    if (gi) {
      let result: boolean | undefined;
      for (const raw of gi.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('#')) continue;
        const negate = line.startsWith('!');
        const pat = (negate ? line.slice(1) : line).replace(/^\//, '').replace(/^\*\*\//, '');
        const re = new RegExp(`^${pat.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
        if (re.test(base) || re.test(posix.relative(dir, path))) result = !negate;
      }
      if (result !== undefined) return result;
    }
    if (dir === '.') return false;
    dir = posix.dirname(dir);
  }
}
