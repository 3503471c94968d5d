import { posix } from 'node:path';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-017',
    slug: 'dockerignore',
    target: 'dockerfile',
    pillar: 'security',
    severity: 'medium',
    title: 'Whole directory copied without a .dockerignore',
    rationale:
      '`COPY . .` without a .dockerignore sends .git, .env files, local credentials and node_modules into the build context and the image.',
    fixHint: 'Add a .dockerignore next to the Dockerfile listing at least `.git`, `.env*`, `node_modules` and build output.',
    wellArchitected: ['SEC02-BP03', 'SUS04-BP07'],
    equivalents: {},
  },
  check(doc, ctx) {
    const dir = posix.dirname(doc.source.path);
    const ignore = dir === '.' ? '.dockerignore' : `${dir}/.dockerignore`;
    const named = `${doc.source.path}.dockerignore`;
    const copiesAll = doc.instructions.filter(
      (i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.flags.from === undefined && (i.json ?? i.words).slice(0, -1).some((s) => s === '.' || s === './'),
    );
    return each(copiesAll.slice(0, 1), (ins) =>
      ctx.files.has(ignore) || ctx.files.has(named) ? null : at(doc, ins, `${ins.keyword} ${ins.args} copies the whole build context and there is no ${ignore}`),
    );
  },
});
