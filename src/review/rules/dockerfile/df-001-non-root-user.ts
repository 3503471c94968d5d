import { defineRule, each } from '../../rule.js';
import { at, finalStage, insertBefore, replaceInstruction, shortName, stageChain, appendLine } from './shared.js';

/** Base images whose default user is not root. */
const NON_ROOT_BASES = [/distroless\/.*:(.*-)?nonroot/, /^cgr\.dev\/chainguard\//, /^bitnami\//, /nginx-unprivileged/];
const ROOT = /^(root|0)(:(root|0))?$/;

export default defineRule({
  meta: {
    id: 'SLW-DF-001',
    slug: 'non-root-user',
    target: 'dockerfile',
    pillar: 'security',
    severity: 'high',
    title: 'Container runs as root',
    rationale:
      'Without a USER instruction the process runs as root inside the container; a compromise of the app, or a breakout, then starts with root rights. Kubernetes `runAsNonRoot` refuses such images.',
    fixHint: 'Add `USER <non-root user>` to the final stage, after the files are copied (official node images ship a `node` user).',
    wellArchitected: ['SEC06-BP02', 'SEC03-BP02'],
    equivalents: { hadolint: ['DL3002'], checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'], trivy: ['AVD-DS-0002'] },
    fixable: true,
  },
  check(doc) {
    const stage = finalStage(doc);
    return each([stage], () => {
      const chain = stageChain(doc, stage);
      // The USER in effect: the last one of the final stage, else of the stage it is built from.
      const lastUser = chain.map((s) => [...s.instructions].reverse().find((i) => i.keyword === 'USER')).find((u) => u);
      const base = chain[chain.length - 1]!;
      if (!lastUser && NON_ROOT_BASES.some((re) => re.test(base.image))) return null;
      const isNode = shortName(base.imageName) === 'node';
      if (lastUser && !ROOT.test(lastUser.words[0] ?? '')) return null;
      if (lastUser) {
        return at(doc, lastUser, `the final stage switches to ${lastUser.words[0]}`, isNode ? () => [replaceInstruction(doc, lastUser, 'USER node')] : undefined);
      }
      const start = stage.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
      const fix = isNode ? () => [start ? insertBefore(doc, start, 'USER node') : appendLine(doc, 'USER node')] : undefined;
      return at(doc, stage.from, `the final stage (FROM ${stage.image}) has no USER, so it runs as root`, fix);
    });
  },
});
