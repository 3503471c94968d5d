import { defineRule, each } from '../../rule.js';
import { isLocalDefaultUrl, urlPassword } from '../secrets.js';

export default defineRule({
  meta: {
    id: 'SLW-CFG-003',
    slug: 'url-credentials',
    target: 'config',
    pillar: 'security',
    severity: 'high',
    title: 'Password embedded in a connection URL',
    rationale: 'Connection strings like `postgres://app:s3cret@db.prod:5432/app` carry the password wherever the URL is logged or copied.',
    fixHint: 'Keep the URL without the password (or the whole URL) out of the file: compose it from a secret at run time.',
    wellArchitected: ['SEC02-BP03'],
    equivalents: {},
  },
  check(doc) {
    return each(doc.entries, (e) => {
      const pw = urlPassword(e.value);
      if (!pw) return null;
      // Local development defaults (postgres:postgres@localhost) are not secrets.
      if (isLocalDefaultUrl(e.value)) return null;
      return { location: { file: doc.path, line: e.line, column: e.column }, message: `${e.key} embeds a password in its URL` };
    });
  },
});
