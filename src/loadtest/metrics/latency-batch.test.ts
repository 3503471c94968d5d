import { describe, expect, it } from 'vitest';
import { createHistogram, encodeHistogram, summarize } from './histogram.js';
import { LatencyBatch } from './latency-batch.js';

describe('batched latency recording', () => {
  it('gives exactly the histogram of recording each value, across flushes and the 65.5 ms edge', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => 1 + ((i * 7919) % 200_000));
    values.push(1, 65_535, 65_536, 65_537, 3_600_000_000);
    const direct = createHistogram();
    for (const v of values) direct.recordValue(v);
    const batched = createHistogram();
    const batch = new LatencyBatch(batched);
    values.forEach((v, i) => {
      batch.record(v);
      if (i % 7000 === 0) batch.flush();
    });
    batch.flush();
    expect(batched.totalCount).toBe(values.length);
    expect(summarize(batched)).toEqual(summarize(direct));
    expect(encodeHistogram(batched)).toBe(encodeHistogram(direct));
  });

  it('a flush empties the table: nothing is added twice', () => {
    const h = createHistogram();
    const batch = new LatencyBatch(h);
    batch.record(500);
    batch.flush();
    batch.flush();
    expect(h.totalCount).toBe(1);
  });
});
