import { describe, expect, it } from 'vitest';
import { ArrivalSchedule } from './arrivals.js';

const all = (s: ArrivalSchedule): number[] => {
  const out: number[] = [];
  for (let t = s.next(); t !== null; t = s.next()) out.push(t);
  return out;
};

describe('open-model arrival schedule', () => {
  it('spaces arrivals evenly at the stage rate', () => {
    expect(all(new ArrivalSchedule([{ rate: 4, durationMs: 1000 }], 0, 0, 1))).toEqual([0, 250, 500, 750]);
  });

  it('interleaves workers so together they send exactly the rate', () => {
    const stages = [{ rate: 10, durationMs: 1000 }, { rate: 0, durationMs: 500 }, { rate: 4, durationMs: 1000 }];
    const merged = [0, 1, 2].flatMap((w) => all(new ArrivalSchedule(stages, 1000, w, 3))).sort((a, b) => a - b);
    expect(merged).toEqual([1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2500, 2750, 3000, 3250]);
  });
});
