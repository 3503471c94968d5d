import { defineRule, each } from '../../rule.js';
import { at, finalStage, stageChain } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-005',
    slug: 'healthcheck',
    target: 'dockerfile',
    pillar: 'reliability',
    severity: 'low',
    title: 'Image has no HEALTHCHECK',
    rationale:
      'Docker, compose and Slipway\'s local target restart or stop routing to a container only if they can tell it is unhealthy. (Kubernetes uses probes instead; they are checked separately. Images that EXPOSE no port, such as queue workers, have nothing generic to probe and are not flagged.)',
    fixHint: 'Add `HEALTHCHECK CMD …` probing the app\'s health endpoint, or `HEALTHCHECK NONE` to say it is deliberate.',
    wellArchitected: ['REL11-BP01'],
    equivalents: { hadolint: ['DL3057'], checkov: ['CKV_DOCKER_2'], trivy: ['AVD-DS-0026'] },
  },
  check(doc) {
    const stage = finalStage(doc);
    return each([stage], () => {
      const chain = stageChain(doc, stage);
      const serves = chain.some((s) => s.instructions.some((i) => i.keyword === 'EXPOSE'));
      const has = chain.some((s) => s.instructions.some((i) => i.keyword === 'HEALTHCHECK'));
      return has || !serves ? null : at(doc, stage.from, `the final stage (FROM ${stage.image}) declares no HEALTHCHECK`);
    });
  },
});
