import { NGINX_HTML, nginxConfFile, nginxStage } from '../../nginx.js';
import type { DockerPlan, StrategyContext } from '../types.js';
import { nodeBase } from './base.js';

/** Where bundlers put their output when slipway.yaml names no staticDir. */
const OUTPUT_DIRS: Record<string, string> = {
  vite: 'dist',
  react: 'dist',
  vue: 'dist',
  svelte: 'dist',
  preact: 'dist',
  astro: 'dist',
  'create-react-app': 'build',
  'react-scripts': 'build',
  gatsby: 'public',
  docusaurus: 'build',
};

/** A site built with Node.js (Vite, CRA, Astro …) and served by nginx: Node.js stays in the build. */
export function nodeStaticSite(ctx: StrategyContext): DockerPlan {
  const { component } = ctx;
  const base = nodeBase(ctx);
  const framework = component.framework?.toLowerCase();
  const outDir = component.staticDir ?? (framework ? OUTPUT_DIRS[framework] : undefined);
  if (!outDir) ctx.missing(ctx.key('staticDir'), 'the directory the build writes the site to, e.g. "dist"');
  else if (!component.staticDir) {
    ctx.note({ level: 'info', message: `${component.name}: serving ${outDir}/, where ${framework} builds write by default`, hint: `set ${ctx.key('staticDir')} if the build writes elsewhere` });
  }
  const out = (outDir ?? 'dist').replace(/^\.\//, '').replace(/\/$/, '');
  return {
    stages: [
      base.depsStage('deps', false),
      base.buildStage('build', 'deps'),
      nginxStage({ op: 'COPY', from: 'build', sources: [`/app/${out}/`], dest: `${NGINX_HTML}/` }),
    ],
    files: [nginxConfFile(ctx.dir)],
  };
}
