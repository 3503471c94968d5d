import { defineRule, each } from '../../rule.js';
import { at, command, rawText, replaceInstruction, runs } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-009',
    slug: 'apk-no-cache',
    target: 'dockerfile',
    pillar: 'sustainability',
    severity: 'low',
    title: 'apk keeps its package index in the image',
    rationale: '`apk add` without `--no-cache` leaves the package index in the layer: weight every pull pays for.',
    fixHint: 'Use `apk add --no-cache …`.',
    wellArchitected: ['SUS04-BP07'],
    equivalents: { hadolint: ['DL3019'], trivy: ['AVD-DS-0025'] },
    fixable: true,
  },
  check(doc) {
    const adds = doc.stages.flatMap(runs).filter((i) => /\bapk\s+(?:-{1,2}[\w-]+\s+)*add\b/.test(command(i)));
    return each(adds, (ins) => {
      const cmd = command(ins);
      if (/--no-cache/.test(cmd) || /rm\s+-rf\s+\/var\/cache\/apk/.test(cmd) || /type=cache/.test(ins.flags.mount ?? '')) return null;
      const fix = ins.json
        ? undefined
        : () => [replaceInstruction(doc, ins, rawText(doc, ins).replace(/\bapk(\s+)add\b/g, 'apk$1add --no-cache'))];
      return at(doc, ins, 'apk add without --no-cache', fix);
    });
  },
});
