import { defineRule, each } from '../../rule.js';
import { at, runs } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-013',
    slug: 'pipefail',
    target: 'dockerfile',
    pillar: 'reliability',
    severity: 'low',
    title: 'RUN pipes without pipefail',
    rationale:
      'In `curl … | tar x` only the last command\'s status counts: a failed download produces a broken layer and a green build.',
    fixHint: 'Set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN (or start the command with `set -o pipefail &&`).',
    wellArchitected: ['REL08-BP02'],
    equivalents: { hadolint: ['DL4006'] },
  },
  check(doc) {
    const piped = doc.stages.flatMap((s) =>
      runs(s)
        .filter((i) => !i.json && /(^|[^|])\|([^|]|$)/.test(i.args))
        .map((i) => ({ ins: i, shell: s.instructions.filter((x) => x.keyword === 'SHELL' && x.line < i.line).pop() })),
    );
    return each(piped, ({ ins, shell }) => {
      if (shell && /pipefail/.test(shell.args)) return null;
      if (/set\s+-[a-z]*o\s+pipefail|set\s+-o\s+pipefail/.test(ins.args)) return null;
      return at(doc, ins, 'a failing command before the pipe is ignored (no pipefail)');
    });
  },
});
