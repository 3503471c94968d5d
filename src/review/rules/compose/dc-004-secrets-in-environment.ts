import { composeEnvironment } from '../../parse/compose.js';
import { defineRule, each } from '../../rule.js';
import { isPlaceholder, isSecretName, knownKeyFormat, looksRandom } from '../secrets.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DC-004',
    slug: 'secrets-in-environment',
    target: 'compose',
    pillar: 'security',
    severity: 'high',
    title: 'Secret written into the compose file',
    rationale: 'A literal password in `environment:` is committed with the file; compose reads `${VAR}` from the environment or an ignored .env file instead.',
    fixHint: 'Write `DB_PASSWORD: ${DB_PASSWORD}` (or `${DB_PASSWORD:?set it}`) and keep the value in an ignored .env file or use compose `secrets:`.',
    wellArchitected: ['SEC02-BP03'],
    equivalents: {},
  },
  check(doc) {
    return each(doc.services, (s) => {
      for (const [k, v] of composeEnvironment(s.body)) {
        if (v === null || isPlaceholder(v)) continue;
        if (knownKeyFormat(v) || (isSecretName(k) && (looksRandom(v, 12, 3) || !/^[a-z]+$/.test(v)))) {
          const env = s.body.environment;
          const path = Array.isArray(env) ? ['services', s.name, 'environment', env.findIndex((x) => String(x).startsWith(`${k}=`))] : ['services', s.name, 'environment', k];
          return { location: at(doc, path), message: `service ${s.name} sets ${k} to a literal secret` };
        }
      }
      return null;
    });
  },
});
