import { readmeOrigin, type ReadmeContext } from './types.js';

const HEALTH_PATH = /(?:localhost(?::\d+)?|\s|`|^)(\/(?:api\/)?(?:v\d+\/)?(?:healthz?|health-check|healthcheck|livez|readyz|ping))\b/i;

/** A health endpoint the README documents ("GET /api/v1/health"). */
export function addReadmeHealth(ctx: ReadmeContext): void {
  const texts = [...ctx.view.prose, ...ctx.view.inline.map((c) => ({ text: c.value, line: c.line, section: c.section })), ...ctx.view.shell];
  for (const t of texts) {
    const m = HEALTH_PATH.exec(t.text);
    if (m && (/health|ping|alive|ready/i.test(t.text) || /health/i.test(t.section))) {
      ctx.facts.add('healthcheck', m[1]!, readmeOrigin(ctx.view, t.line, t.text, 'README documents the health endpoint', 0.5));
    }
  }
}
