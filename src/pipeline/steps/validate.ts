import { environmentUrl } from '../../spec/environments.js';
import type { StepAction, StepContext, StepOutcome } from './types.js';

const DEFAULT_WINDOW_MS = 30_000;

/**
 * After a deploy: the environment's public URL answers the health path with the expected
 * status. `with:` path, status (default: any 2xx), url (Kubernetes ingress …). Retries within
 * the step timeout (default 30 s) because a proxy may take a moment to pick up the release.
 */
export const validateAction: StepAction = {
  cachePolicy: () => null,
  async execute(ctx: StepContext): Promise<StepOutcome> {
    const env = ctx.step.def.environment!;
    const w = ctx.step.def.with;
    const deployed = [...ctx.results.values()].find((r) => r.env === env && r.url !== undefined);
    const target = ctx.spec.environments?.[env]?.target ?? 'local';
    let base = typeof w.url === 'string' ? w.url : typeof deployed?.url === 'string' ? deployed.url : null;
    if (!base && target === 'local') base = environmentUrl(ctx.spec, env);
    if (!base) return { status: 'succeeded', note: `no URL for ${env} (set with.url to check it)` };
    const web = ctx.spec.components.find((c) => c.kind === 'web' && c.public !== false) ?? ctx.spec.components[0];
    const path = typeof w.path === 'string' ? w.path : (web?.healthcheck ?? '/');
    const expected = w.status === undefined ? null : Number(w.status);
    const url = new URL(path, base).toString();
    const deadline = Date.now() + (ctx.timeoutMs ?? DEFAULT_WINDOW_MS);
    let last = '';
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(url, { signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(5_000)]), redirect: 'manual' });
        await res.arrayBuffer();
        const ok = expected === null ? res.status >= 200 && res.status < 300 : res.status === expected;
        if (ok) {
          ctx.log(`GET ${url} → ${res.status}`);
          return { status: 'succeeded', note: `GET ${path} → ${res.status}`, result: { url, status: res.status } };
        }
        last = `answered ${res.status}${expected === null ? ' (expected 2xx)' : ` (expected ${expected})`}`;
      } catch (err) {
        if (ctx.signal.aborted) return { status: 'failed', error: 'cancelled' };
        last = (err as Error).cause ? String(((err as Error).cause as Error).message ?? (err as Error).cause) : (err as Error).message;
      }
      if (attempt === 1 || attempt % 10 === 0) ctx.log(`GET ${url}: ${last}; retrying`);
      if (Date.now() > deadline) return { status: 'failed', error: `${url} ${last} — the deploy went through but the service does not answer as expected` };
      await new Promise((r) => setTimeout(r, 500));
    }
  },
};
