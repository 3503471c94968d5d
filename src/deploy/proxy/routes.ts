/** One running instance behind the proxy. `up` is false while it restarts or fails health. */
export interface Upstream {
  id: string;
  release: string;
  port: number;
  up: boolean;
}

/**
 * What the proxy serves. Replaced as a whole (one assignment), which makes the blue/green
 * switch atomic: a request uses the table it started with.
 */
export interface RouteTable {
  live: { release: string; upstreams: Upstream[] } | null;
  /** The warm previous release during the bake window: idempotent requests that fail on the
   *  live release are retried here, so clients do not see a bad release's errors. */
  fallback: { release: string; upstreams: Upstream[] } | null;
}

export const EMPTY_ROUTES: RouteTable = { live: null, fallback: null };

/** Round robin over the instances that are up; all of them when none is (better than a 503). */
export class RoundRobin {
  private next = 0;

  pick(upstreams: readonly Upstream[], skip?: ReadonlySet<Upstream>): Upstream | undefined {
    const n = upstreams.length;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < n; i++) {
        const u = upstreams[(this.next + i) % n]!;
        if (skip?.has(u) || (pass === 0 && !u.up)) continue;
        this.next = (this.next + i + 1) % n;
        return u;
      }
    }
    return undefined;
  }
}
