import { asObject, ofKind } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { isPlaceholder, isSecretName } from '../secrets.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-038',
    slug: 'secret-literal',
    target: 'k8s',
    pillar: 'security',
    severity: 'high',
    title: 'Secret values committed in a manifest',
    rationale: 'Base64 is an encoding, not encryption: a Secret manifest with values in Git gives the credential to everyone with read access, forever (history).',
    fixHint: 'Keep values out of Git: External Secrets / Sealed Secrets / SOPS, or create the Secret at deploy time from the pipeline\'s secret store.',
    wellArchitected: ['SEC02-BP03', 'SEC08-BP01'],
    equivalents: {},
  },
  check(set) {
    return each(ofKind(set, 'Secret'), (s) => {
      const real = ['data', 'stringData'].flatMap((field) =>
        Object.entries(asObject(s.body[field]) ?? {})
          .filter(([, v]) => !isPlaceholder(field === 'data' ? decode(v) : String(v ?? '')))
          .map(([key]) => ({ field, key })),
      );
      // Point at the most secret-looking key (the password rather than the user name).
      const first = real.find((r) => isSecretName(r.key)) ?? real[0];
      return first ? at(s, [first.field, first.key], `Secret/${s.name} holds ${real.length} value(s) in the repository (${real.map((r) => r.key).join(', ')})`) : null;
    });
  },
});

function decode(v: unknown): string {
  try {
    return Buffer.from(String(v ?? ''), 'base64').toString('utf8');
  } catch {
    return String(v);
  }
}
