import type { Stage } from './messages.js';

/**
 * The open model's schedule: evenly spaced arrival times per stage. With W workers each takes
 * every W-th arrival (offset by its index), so together they send the exact stage rate.
 */
export class ArrivalSchedule {
  private stage = 0;
  private stageStart: number;
  private n = 0;

  constructor(
    private readonly stages: readonly Stage[],
    startAt: number,
    private readonly workerIndex: number,
    private readonly workerCount: number,
  ) {
    this.stageStart = startAt;
  }

  /** Intended time of the next arrival for this worker, or null when the schedule is over. */
  next(): number | null {
    for (;;) {
      const stage = this.stages[this.stage];
      if (!stage) return null;
      const end = this.stageStart + stage.durationMs;
      if (stage.rate > 0) {
        const interval = 1000 / stage.rate;
        const t = this.stageStart + (this.workerIndex + this.n * this.workerCount) * interval;
        if (t < end) {
          this.n++;
          return t;
        }
      }
      this.stage++;
      this.stageStart = end;
      this.n = 0;
    }
  }
}
