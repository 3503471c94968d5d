import { defineRule, each } from '../../rule.js';
import { isPlaceholder, isSecretName, knownKeyFormat, looksRandom } from '../secrets.js';

export default defineRule({
  meta: {
    id: 'SLW-CFG-002',
    slug: 'secret-value',
    target: 'config',
    pillar: 'security',
    severity: 'high',
    title: 'Committed secret value',
    rationale:
      'A password, token or key written into a .env or config file travels with every clone. In templates (.env.example) only random-looking values count; elsewhere any real value for a secret-named key does.',
    fixHint: 'Replace the value with a placeholder (`DB_PASSWORD=`), put real values in the environment or a secret store, and rotate the exposed one.',
    wellArchitected: ['SEC02-BP03'],
    equivalents: {},
  },
  check(doc) {
    return each(doc.entries, (e) => {
      if (knownKeyFormat(e.value) || isPlaceholder(e.value)) return null;
      const name = e.key.split(/[.[\]]/).filter(Boolean).pop() ?? e.key;
      const random = looksRandom(e.value, 20, 4);
      const flagged = doc.example ? random && isSecretName(name) : isSecretName(name) && (random || e.value.length >= 4);
      return flagged ? { location: { file: doc.path, line: e.line, column: e.column }, message: `${e.key} has a ${random ? 'random-looking ' : ''}secret value` } : null;
    });
  },
});
