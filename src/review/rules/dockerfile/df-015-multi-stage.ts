import { defineRule, each } from '../../rule.js';
import { at, command, finalStage, runs, stageChain } from './shared.js';

const BUILD = [
  /\b(npm|pnpm|yarn|bun)\s+(run\s+)?build\b/,
  /\bnpx\s+(tsc|vite|webpack|next|ng)\b/,
  /(^|\s)(tsc|webpack|vite build|ng build)(\s|$)/,
  /\bgo\s+build\b/,
  /\b(mvn|mvnw|\.\/mvnw)\s+[^&;]*\b(package|install|verify)\b/,
  /\b(gradle|gradlew|\.\/gradlew)\s+[^&;]*\b(build|assemble|bootJar|shadowJar|installDist)\b/,
  /\bcargo\s+build\b/,
  /\bdotnet\s+(publish|build)\b/,
];

export default defineRule({
  meta: {
    id: 'SLW-DF-015',
    slug: 'multi-stage',
    target: 'dockerfile',
    pillar: 'sustainability',
    severity: 'medium',
    title: 'Compiled or bundled app built in its runtime image',
    rationale:
      'Building in the image that runs ships the compiler, dev dependencies and sources to production: an image several times larger (storage, transfer, cold starts) with far more packages to patch.',
    fixHint: 'Build in a first stage (`FROM node:20 AS build`) and `COPY --from=build` only the output into a slim runtime stage.',
    wellArchitected: ['SUS04-BP07', 'SEC06-BP02'],
    equivalents: {},
  },
  check(doc) {
    const stage = finalStage(doc);
    return each([stage], () => {
      const chain = stageChain(doc, stage);
      const copiesFromBuild = stage.instructions.some((i) => i.keyword === 'COPY' && i.flags.from !== undefined);
      if (copiesFromBuild) return null;
      const build = chain.flatMap(runs).find((i) => BUILD.some((re) => re.test(command(i))));
      return build ? at(doc, build, `"${command(build).slice(0, 60)}" builds inside the image that runs; use a build stage`) : null;
    });
  },
});
