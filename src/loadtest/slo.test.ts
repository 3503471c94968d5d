import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { parseDuration, formatDuration } from './duration.js';
import { summarize, createHistogram, recordMs } from './metrics/histogram.js';
import { evaluateSlo, parseSlo } from './slo.js';

describe('--slo', () => {
  it('parses latency and error objectives with units', () => {
    expect(parseSlo('p99<300ms, errors<1%')).toEqual([
      { kind: 'latency', metric: 'p99', maxMs: 300, inclusive: false, text: 'p99<300ms' },
      { kind: 'errors', maxRatio: 0.01, inclusive: false, text: 'errors<1%' },
    ]);
    expect(parseSlo('p99.9<=1.5s,max<2s,p50<800us')).toMatchObject([
      { metric: 'p99.9', maxMs: 1500, inclusive: true },
      { metric: 'max', maxMs: 2000 },
      { metric: 'p50', maxMs: 0.8 },
    ]);
  });

  it('rejects what it cannot read, saying what to write', () => {
    for (const bad of ['', 'p42<1s', 'p99>1s', 'errors<1', 'p99<fast']) {
      expect(() => parseSlo(bad)).toThrow(UserError);
    }
    expect(() => parseSlo('p42<1s')).toThrow(/unknown metric "p42"/);
  });

  it('evaluates against measured latency and errors', () => {
    const h = createHistogram();
    for (let i = 1; i <= 100; i++) recordMs(h, i);
    const latency = summarize(h);
    // HDR reports the top of a value's bucket (0.1% wide): 99 ms reads as 99.007 ms.
    const results = evaluateSlo(parseSlo('p99<100ms,p50<50ms,errors<1%'), latency, 0.02);
    expect(results.map((r) => [r.objective, r.unit, r.passed])).toEqual([
      ['p99<100ms', 'ms', true],
      ['p50<50ms', 'ms', false],
      ['errors<1%', '%', false],
    ]);
    expect(results[0]?.actual).toBeCloseTo(99, 1);
    expect(results[1]?.actual).toBeCloseTo(50, 1);
    expect(results[2]?.actual).toBe(2);
  });
});

describe('durations', () => {
  it('reads the units people write', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('10')).toBe(10_000);
    expect(parseDuration('ten')).toBeNull();
    expect(parseDuration('5x')).toBeNull();
    expect(formatDuration(90_000)).toBe('1m30s');
  });
});
