import type { DockerPlan, StrategyContext } from '../types.js';
import { nextStandalone } from './next.js';
import { nuxtServer } from './nuxt.js';
import { nodeServer } from './server.js';
import { nodeStaticSite } from './static-site.js';

const NEXT = new Set(['next', 'nextjs', 'next.js']);

/** Node.js: a static site when the component is static, Next.js standalone, Nuxt's .output, or a server. */
export function nodeStrategy(ctx: StrategyContext): DockerPlan {
  const { component } = ctx;
  if (component.kind === 'static') return nodeStaticSite(ctx);
  const framework = component.framework?.toLowerCase();
  if (framework && NEXT.has(framework)) return nextStandalone(ctx);
  if (framework === 'nuxt' && component.commands.build) return nuxtServer(ctx);
  return nodeServer(ctx);
}
