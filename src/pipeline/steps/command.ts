import { stepWhere } from '../plan/run-plan.js';
import { commandOutcome } from './command-outcome.js';
import type { StepAction, StepContext, StepOutcome } from './types.js';

/** `run:` steps: a shell command. Cached only when it declares `inputs` (else it always runs). */
export const commandAction: StepAction = {
  cachePolicy(step) {
    if (!step.def.inputs) return null;
    return { inputs: step.def.inputs, outputs: step.def.outputs ?? [] };
  },
  async execute(ctx: StepContext): Promise<StepOutcome> {
    const command = ctx.step.def.run!;
    const r = await ctx.exec(command);
    return commandOutcome(r, command, stepWhere(ctx.step, '.run'), ctx.timeoutMs);
  },
};
