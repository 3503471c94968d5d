import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
const URL = /^https?:\/\//i;
const GIT = /^git@|\.git(#.*)?$/;

export default defineRule({
  meta: {
    id: 'SLW-DF-003',
    slug: 'copy-not-add',
    target: 'dockerfile',
    pillar: 'security',
    severity: 'low',
    title: 'ADD used where COPY would do',
    rationale:
      'ADD also fetches URLs and unpacks archives, so an innocent-looking line can download unverified content or expand a tarball. COPY does only what it says.',
    fixHint: 'Use COPY for local files; download with a verified checksum (`ADD --checksum=…`) or in a RUN step.',
    wellArchitected: ['SEC06-BP04'],
    equivalents: { hadolint: ['DL3020'], checkov: ['CKV_DOCKER_4'], trivy: ['AVD-DS-0005'] },
    fixable: true,
  },
  check(doc) {
    const adds = doc.instructions.filter((i) => i.keyword === 'ADD');
    return each(adds, (ins) => {
      const sources = (ins.json ?? ins.words).slice(0, -1);
      if ('checksum' in ins.flags) return null;
      if (sources.length > 0 && sources.every((s) => ARCHIVE.test(s) && !URL.test(s))) return null;
      const remote = sources.some((s) => URL.test(s) || GIT.test(s));
      const fix = remote
        ? undefined
        : () => {
            const kw = doc.source.text.slice(ins.start, ins.start + 3);
            return [{ file: doc.source.path, start: ins.start, end: ins.start + 3, text: kw === 'add' ? 'copy' : 'COPY' }];
          };
      return at(doc, ins, remote ? 'ADD downloads a remote source without verifying a checksum' : 'ADD copies local files: use COPY', fix);
    });
  },
});
