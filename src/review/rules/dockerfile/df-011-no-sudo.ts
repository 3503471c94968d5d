import { defineRule, each } from '../../rule.js';
import { at, command, runs } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-011',
    slug: 'no-sudo',
    target: 'dockerfile',
    pillar: 'security',
    severity: 'medium',
    title: 'sudo used in a Dockerfile',
    rationale:
      'sudo in an image means a user that can become root at run time, and its TTY and signal handling make builds behave unpredictably.',
    fixHint: 'Run the step before switching USER, or switch to root for that step only: `USER root` … `USER app`.',
    wellArchitected: ['SEC03-BP02'],
    equivalents: { hadolint: ['DL3004'], trivy: ['AVD-DS-0010'] },
  },
  check(doc) {
    const all = doc.stages.flatMap(runs);
    return each(all, (ins) => (/(^|[\s;&|(])sudo\s/.test(command(ins)) ? at(doc, ins, 'RUN uses sudo') : null));
  },
});
