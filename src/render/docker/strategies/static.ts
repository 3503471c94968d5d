import { NGINX_HTML, nginxConfFile, nginxStage } from '../nginx.js';
import type { DockerPlan, StrategyContext } from './types.js';

/** Plain static files (no build): nginx serves the component directory or its staticDir. */
export function staticStrategy(ctx: StrategyContext): DockerPlan {
  const dir = (ctx.component.staticDir ?? '.').replace(/^\.\//, '').replace(/\/$/, '') || '.';
  return {
    stages: [nginxStage({ op: 'COPY', sources: [dir === '.' ? '.' : `${dir}/`], dest: `${NGINX_HTML}/` })],
    files: [nginxConfFile(ctx.dir)],
    // Served as-is: keep the build files out of the web root.
    ignore: ['Dockerfile*', '*.md'],
  };
}
