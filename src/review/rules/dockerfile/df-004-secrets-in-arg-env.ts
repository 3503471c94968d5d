import { defineRule, each } from '../../rule.js';
import { isSecretName } from '../secrets.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-004',
    slug: 'secrets-in-arg-env',
    target: 'dockerfile',
    pillar: 'security',
    severity: 'high',
    title: 'Secret passed through ARG or ENV',
    rationale:
      'ENV values are stored in the image configuration and ARG values in its build history: anyone who can pull the image can read them with `docker history` or `docker inspect`.',
    fixHint: 'Mount build secrets with `RUN --mount=type=secret,id=…` and pass runtime secrets as environment at deploy time (a Kubernetes Secret, the platform\'s secret store).',
    wellArchitected: ['SEC02-BP03'],
    equivalents: { trivy: ['AVD-DS-0031'] },
  },
  check(doc) {
    const decls = doc.instructions.filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG');
    return each(decls, (ins) => {
      const names = ins.keyword === 'ARG' ? ins.words.map((w) => w.split('=')[0]!) : envNames(ins.words);
      const bad = names.filter((n) => isSecretName(n));
      if (bad.length === 0) return null;
      const how = ins.keyword === 'ARG' ? 'is a build argument, kept in the image history' : 'is baked into the image environment';
      return at(doc, ins, `${bad.join(', ')} ${how}`);
    });
  },
});

/** ENV KEY=value KEY2=value2, or the legacy ENV KEY value form. */
function envNames(words: string[]): string[] {
  if (words.length >= 2 && !words[0]!.includes('=')) return [words[0]!];
  return words.filter((w) => w.includes('=')).map((w) => w.split('=')[0]!);
}
