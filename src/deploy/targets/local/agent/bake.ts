import type { ReverseProxy } from '../../../proxy/reverse-proxy.js';

export interface BakePolicy {
  bakeMs: number;
  maxErrorRate: number;
  minErrors: number;
}

export type BakeVerdict = { ok: true; cancelled?: boolean } | { ok: false; reason: string; detectedAfterMs: number };

const CHECK_EVERY_MS = 50;

/**
 * Watches the traffic the proxy counts for a freshly switched release during the bake window.
 * Resolves early with a failure as soon as the error rate passes the policy, or with ok at the
 * end of the window. `cancel()` ends it early as ok (a newer deploy or a manual rollback took over).
 */
export class BakeWatch {
  readonly verdict: Promise<BakeVerdict>;
  private stop: (v: BakeVerdict) => void = () => undefined;
  private timer: NodeJS.Timeout | null = null;
  private ended = false;

  constructor(
    readonly release: string,
    readonly previous: string,
    proxy: ReverseProxy,
    policy: BakePolicy,
  ) {
    const t0 = Date.now();
    const start = { ...proxy.trafficOf(release) };
    this.verdict = new Promise<BakeVerdict>((resolve) => {
      this.stop = (v) => {
        if (this.ended) return;
        this.ended = true;
        if (this.timer) clearInterval(this.timer);
        resolve(v);
      };
    });
    this.timer = setInterval(() => {
      const now = proxy.trafficOf(release);
      const requests = now.requests - start.requests;
      const errors = now.errors - start.errors;
      if (errors >= policy.minErrors && errors / Math.max(requests, 1) >= policy.maxErrorRate) {
        const pct = Math.round((100 * errors) / Math.max(requests, 1));
        this.stop({ ok: false, reason: `error rate ${pct}% (${errors} of ${requests} requests failed) during the bake window`, detectedAfterMs: Date.now() - t0 });
      } else if (Date.now() - t0 >= policy.bakeMs) {
        this.stop({ ok: true });
      }
    }, CHECK_EVERY_MS);
  }

  get active(): boolean {
    return !this.ended;
  }

  cancel(): void {
    this.stop({ ok: true, cancelled: true });
  }
}
