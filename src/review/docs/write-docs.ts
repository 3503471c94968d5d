/** Rewrites docs/review/<target>.md from the rule metadata: `npm run docs:review`. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { TARGETS } from '../model.js';
import { RULES } from '../rules/index.js';
import { ruleDocsPage } from './rule-docs.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
for (const target of TARGETS) {
  const file = join(root, 'docs', 'review', `${target}.md`);
  writeFileAtomic(file, ruleDocsPage(target, RULES.map((r) => r.meta)));
  process.stdout.write(`wrote ${file}\n`);
}
