import { defineRule, each } from '../../rule.js';
import { at, command, rawText, replaceInstruction, runs } from './shared.js';

const INSTALL = /\bapt(?:-get)?((?:\s+-{1,2}[\w=-]+)*)\s+install\b/g;
const CACHE_MOUNT = /type=cache[^ ]*target=\/var\/(lib|cache)\/apt/;

export default defineRule({
  meta: {
    id: 'SLW-DF-007',
    slug: 'apt-hygiene',
    target: 'dockerfile',
    pillar: 'sustainability',
    severity: 'low',
    title: 'apt-get installs recommended packages or keeps its lists',
    rationale:
      'Recommended packages and the apt package lists add tens of megabytes to every image layer: more to store, push, pull and scan, on every deploy, for nothing the app uses.',
    fixHint: 'Use `apt-get install --no-install-recommends` and end the same RUN with `rm -rf /var/lib/apt/lists/*`.',
    wellArchitected: ['SUS04-BP07', 'SUS05-BP01'],
    equivalents: { hadolint: ['DL3015', 'DL3009'], trivy: ['AVD-DS-0029'] },
    fixable: true,
  },
  check(doc) {
    const installs = doc.stages.flatMap(runs).filter((i) => /\bapt(-get)?\b[^&;|]*\binstall\b/.test(command(i)));
    return each(installs, (ins) => {
      const cmd = command(ins);
      const cached = CACHE_MOUNT.test(ins.flags.mount ?? '');
      const noRecommends = /--no-install-recommends|APT::Install-Recommends/.test(cmd);
      const cleaned = cached || /rm\s+-(rf|fr|r)\s+[^&;]*\/var\/lib\/apt\/lists/.test(cmd);
      if (noRecommends && cleaned) return null;
      const problems = [!noRecommends && 'installs recommended packages', !cleaned && 'leaves /var/lib/apt/lists in the layer'].filter(Boolean);
      const fix = ins.json
        ? undefined
        : () => {
            const raw = rawText(doc, ins);
            let text = noRecommends ? raw : raw.replace(INSTALL, (m) => `${m} --no-install-recommends`);
            if (!cleaned) text = `${text.replace(/\s+$/, '')} \\\n    && rm -rf /var/lib/apt/lists/*`;
            return [replaceInstruction(doc, ins, text)];
          };
      return at(doc, ins, `apt-get ${problems.join(' and ')}`, fix);
    });
  },
});
