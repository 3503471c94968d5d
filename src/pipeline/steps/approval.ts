import type { StepAction, StepContext, StepOutcome } from './types.js';

/**
 * A manual gate before an environment (prod by default): the run stops here, waiting, until
 * `slipway approve <run>` records who approved; then the run continues with the same artifact.
 */
export const approvalAction: StepAction = {
  cachePolicy: () => null,
  async execute(ctx: StepContext): Promise<StepOutcome> {
    const approval = await ctx.store.getApproval(ctx.runId, ctx.step.id);
    if (approval) {
      ctx.log(`approved by ${approval.approvedBy} at ${approval.approvedAt}${approval.comment ? `: ${approval.comment}` : ''}`);
      return { status: 'succeeded', note: `approved by ${approval.approvedBy}`, result: { approvedBy: approval.approvedBy } };
    }
    const env = ctx.step.def.environment ?? '?';
    ctx.log(`waiting for approval to deploy to ${env}: run \`slipway approve ${ctx.runId}\``);
    return { status: 'waiting', note: `slipway approve ${ctx.runId}` };
  },
};
