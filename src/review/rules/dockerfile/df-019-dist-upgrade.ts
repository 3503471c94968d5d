import { defineRule, each } from '../../rule.js';
import { at, command, runs } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-019',
    slug: 'dist-upgrade',
    target: 'dockerfile',
    pillar: 'reliability',
    severity: 'low',
    title: 'Whole distribution upgraded in the image',
    rationale:
      '`apt-get upgrade`/`dist-upgrade` makes the image depend on the day it was built, and can swap core libraries under the base image\'s feet; patched images come from updating the base tag.',
    fixHint: 'Drop the upgrade and move to a newer base image tag; install only the packages you need.',
    wellArchitected: ['REL08-BP04'],
    equivalents: { trivy: ['AVD-DS-0024'] },
  },
  check(doc) {
    const all = doc.stages.flatMap(runs);
    return each(all, (ins) =>
      /\b(apt(-get)?\s+(-\S+\s+)*(dist-)?upgrade|apk\s+upgrade|yum\s+upgrade|dnf\s+upgrade)\b/.test(command(ins))
        ? at(doc, ins, 'RUN upgrades every package of the distribution')
        : null,
    );
  },
});
