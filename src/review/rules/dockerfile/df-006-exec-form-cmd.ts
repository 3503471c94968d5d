import { defineRule, each } from '../../rule.js';
import { at, finalStage, replaceInstruction } from './shared.js';

const SHELL_SYNTAX = /[$&|;<>*?`(){}~\\]|^\s*\.\s/;

export default defineRule({
  meta: {
    id: 'SLW-DF-006',
    slug: 'exec-form-cmd',
    target: 'dockerfile',
    pillar: 'reliability',
    severity: 'medium',
    title: 'CMD or ENTRYPOINT in shell form',
    rationale:
      'In shell form the app runs under `/bin/sh -c`, which does not forward SIGTERM: a rolling update or `docker stop` waits out the grace period and then kills the app mid-request.',
    fixHint: 'Write it as a JSON array: `CMD ["node", "server.js"]`.',
    wellArchitected: ['REL11-BP05', 'OPS06-BP03'],
    equivalents: { hadolint: ['DL3025'] },
    fixable: true,
  },
  check(doc) {
    const stage = finalStage(doc);
    const last = (kw: string) => [...stage.instructions].reverse().find((i) => i.keyword === kw);
    const targets = [last('ENTRYPOINT'), last('CMD')].filter((i) => i !== undefined);
    return each(targets, (ins) => {
      if (ins.json || ins.args === '') return null;
      const fix = SHELL_SYNTAX.test(ins.args)
        ? undefined
        : () => [replaceInstruction(doc, ins, `${doc.source.text.slice(ins.start, ins.start + ins.keyword.length)} ${JSON.stringify(ins.words).replace(/","/g, '", "')}`)];
      return at(doc, ins, `${ins.keyword} ${ins.args} runs under /bin/sh -c, which does not pass signals on`, fix);
    });
  },
});
