import { defineRule, each } from '../../rule.js';
import { at, command, runs } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-010',
    slug: 'update-alone',
    target: 'dockerfile',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Package index updated in a RUN of its own',
    rationale:
      'Docker caches the `apt-get update` layer: later builds reuse a stale index, so an added package installs an old version or fails to download.',
    fixHint: 'Update and install in the same RUN: `apt-get update && apt-get install …`.',
    wellArchitected: ['REL08-BP04'],
    equivalents: { checkov: ['CKV_DOCKER_5'], trivy: ['AVD-DS-0017'] },
  },
  check(doc) {
    const updates = doc.stages.flatMap(runs).filter((i) => /\b(apt(-get)?|apk|yum|dnf)\s+update\b/.test(command(i)));
    return each(updates, (ins) => {
      const cmd = command(ins);
      if (/\b(install|add|upgrade)\b/.test(cmd)) return null;
      return at(doc, ins, `"${cmd.slice(0, 60)}" runs alone; its cached layer goes stale`);
    });
  },
});
