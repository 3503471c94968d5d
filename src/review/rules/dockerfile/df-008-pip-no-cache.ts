import { defineRule, each } from '../../rule.js';
import { at, command, rawText, replaceInstruction, runs } from './shared.js';

const PIP_INSTALL = /\b(pip3?|python3?\s+-m\s+pip)\s+install\b/;

export default defineRule({
  meta: {
    id: 'SLW-DF-008',
    slug: 'pip-no-cache',
    target: 'dockerfile',
    pillar: 'sustainability',
    severity: 'low',
    title: 'pip keeps its download cache in the image',
    rationale: 'pip caches every wheel it downloads; in an image layer that cache is dead weight shipped with every pull.',
    fixHint: 'Add `--no-cache-dir` to `pip install` (or set `ENV PIP_NO_CACHE_DIR=1`, or use a cache mount).',
    wellArchitected: ['SUS04-BP07'],
    equivalents: { hadolint: ['DL3042'] },
    fixable: true,
  },
  check(doc) {
    return each(
      doc.stages.flatMap((s) => {
        const envOff = s.instructions.some((i) => i.keyword === 'ENV' && /PIP_NO_CACHE_DIR/.test(i.args));
        return envOff ? [] : runs(s).filter((i) => PIP_INSTALL.test(command(i)) && !/type=cache/.test(i.flags.mount ?? ''));
      }),
      (ins) => {
        if (/--no-cache-dir/.test(command(ins))) return null;
        const fix = ins.json
          ? undefined
          : () => [replaceInstruction(doc, ins, rawText(doc, ins).replace(new RegExp(PIP_INSTALL, 'g'), (m) => `${m} --no-cache-dir`))];
        return at(doc, ins, 'pip install without --no-cache-dir', fix);
      },
    );
  },
});
