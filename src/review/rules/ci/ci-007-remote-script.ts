import { defineRule, each } from '../../rule.js';
import { scripts } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-CI-007',
    slug: 'remote-script',
    target: 'ci',
    pillar: 'security',
    severity: 'medium',
    title: 'Pipeline pipes a downloaded script into a shell',
    rationale: '`curl … | bash` in a pipeline runs unverified code with the pipeline\'s credentials, on every build.',
    fixHint: 'Download, verify the checksum or signature, then run; or use a pinned action/image that ships the tool.',
    wellArchitected: ['SEC06-BP04', 'SEC11-BP07'],
    equivalents: {},
  },
  check(doc) {
    return each(scripts(doc), (s) =>
      /\b(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+)?(ba|z|da)?sh\b/.test(s.text) ? { location: s.location, message: `${s.job} pipes a downloaded script into a shell` } : null,
    );
  },
});
