import { defineRule, each } from '../../rule.js';
import { GRAVITON, sizedResources } from './instance-types.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-034',
    slug: 'graviton',
    target: 'terraform',
    pillar: 'sustainability',
    severity: 'low',
    title: 'x86 instance where Graviton would do',
    rationale: 'Graviton (arm64) instances use up to 60% less energy for the same work and cost about 20% less; interpreted and JVM workloads usually move without code changes.',
    fixHint: 'Try the Graviton family the message names (build multi-arch images: `docker buildx --platform linux/amd64,linux/arm64`).',
    wellArchitected: ['SUS05-BP02', 'COST06-BP02'],
    equivalents: {},
  },
  check(mod) {
    return each(sizedResources(mod), ({ r, types }) => {
      const t = types.find((x) => GRAVITON[x.family]);
      return t ? at(r, [t.attr], `${r.type}.${r.name} uses ${t.type}; ${t.prefix}${GRAVITON[t.family]}.${t.size} is the Graviton equivalent`) : null;
    });
  },
});
