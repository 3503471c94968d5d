import { defineRule, each } from '../../rule.js';
import { GRAVITON, INSTANCE_ATTRS, parseInstanceType } from './instance-types.js';
import { asList, at, value } from './shared.js';

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
    const sized = mod.resources.filter((r) => INSTANCE_ATTRS.some((a) => r.body[a] !== undefined));
    return each(sized, (r) => {
      for (const attr of INSTANCE_ATTRS) {
        for (const t of asList(value(mod, r, attr))) {
          const p = typeof t === 'string' ? parseInstanceType(t) : undefined;
          const alt = p && GRAVITON[p.family];
          if (p && alt) return at(r, [attr], `${r.type}.${r.name} uses ${String(t)}; ${p.prefix}${alt}.${p.size} is the Graviton equivalent`);
        }
      }
      return null;
    });
  },
});
