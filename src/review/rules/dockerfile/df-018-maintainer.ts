import { defineRule, each } from '../../rule.js';
import { at, replaceInstruction } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-018',
    slug: 'maintainer',
    target: 'dockerfile',
    pillar: 'operational-excellence',
    severity: 'low',
    title: 'MAINTAINER is deprecated',
    rationale: 'MAINTAINER is deprecated; the OCI label is what registries and scanners read to find an image\'s owner.',
    fixHint: 'Replace it with `LABEL org.opencontainers.image.authors="…"`.',
    wellArchitected: ['OPS02-BP01'],
    equivalents: { hadolint: ['DL4000'], checkov: ['CKV_DOCKER_6'], trivy: ['AVD-DS-0022'] },
    fixable: true,
  },
  check(doc) {
    const m = doc.instructions.filter((i) => i.keyword === 'MAINTAINER');
    return each(m, (ins) =>
      at(doc, ins, 'MAINTAINER is deprecated', () => [replaceInstruction(doc, ins, `LABEL org.opencontainers.image.authors=${JSON.stringify(ins.args)}`)]),
    );
  },
});
