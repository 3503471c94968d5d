/**
 * Hard caps: every run is bounded in time and in requests, whatever the flags say. Flags may
 * lower the request cap (`--max-requests`) or raise it up to the absolute ceiling.
 */
export const LIMITS = {
  maxDurationMs: { load: 3_600_000, stress: 3_600_000, spike: 3_600_000, soak: 4 * 3_600_000 },
  defaultMaxRequests: 2_000_000,
  absoluteMaxRequests: 20_000_000,
  maxRate: 200_000,
  maxVus: 5_000,
  maxConnections: 5_000,
  maxWorkers: 16,
  /** Per request; also bounds how long a run drains after its last arrival. */
  maxTimeoutMs: 120_000,
  /** Stress steps, including the refinement steps after the first failure. */
  maxStressSteps: 24,
  /** A response body is read (for extraction) up to this size; the rest is discarded. */
  maxCapturedBodyBytes: 1024 * 1024,
} as const;
