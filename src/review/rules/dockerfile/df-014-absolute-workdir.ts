import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-014',
    slug: 'absolute-workdir',
    target: 'dockerfile',
    pillar: 'operational-excellence',
    severity: 'low',
    title: 'WORKDIR is a relative path',
    rationale: 'A relative WORKDIR depends on the base image\'s own WORKDIR: a base image update moves the app without any change here.',
    fixHint: 'Use an absolute path: `WORKDIR /app`.',
    wellArchitected: ['OPS05-BP03'],
    equivalents: { hadolint: ['DL3000'], checkov: ['CKV_DOCKER_10'], trivy: ['AVD-DS-0009'] },
  },
  check(doc) {
    const dirs = doc.instructions.filter((i) => i.keyword === 'WORKDIR');
    return each(dirs, (ins) => {
      const dir = ins.words[0] ?? '';
      return dir.startsWith('/') || dir.startsWith('$') || /^[A-Za-z]:[\\/]/.test(dir) ? null : at(doc, ins, `WORKDIR ${dir} is relative`);
    });
  },
});
