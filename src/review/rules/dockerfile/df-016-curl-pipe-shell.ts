import { defineRule, each } from '../../rule.js';
import { at, command, runs } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-016',
    slug: 'curl-pipe-shell',
    target: 'dockerfile',
    pillar: 'security',
    severity: 'high',
    title: 'Remote script piped into a shell',
    rationale:
      '`curl … | sh` runs whatever the server returns at build time, unverified: a compromised or hijacked URL owns the image.',
    fixHint: 'Download to a file, verify its checksum (`sha256sum -c`), then run it; or install from the distribution\'s packages.',
    wellArchitected: ['SEC06-BP04'],
    equivalents: {},
  },
  check(doc) {
    const all = doc.stages.flatMap(runs);
    return each(all, (ins) =>
      /\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z|da)?sh\b/.test(command(ins)) ? at(doc, ins, 'RUN pipes a downloaded script straight into a shell') : null,
    );
  },
});
