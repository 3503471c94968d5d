import type { Commands } from '../../spec/component.js';
import { stepWhere } from '../plan/run-plan.js';
import { commandOutcome } from './command-outcome.js';
import { readCoverage } from './gate/coverage.js';
import { ALL_FILES, BUILD_OUTPUTS, DEPENDENCY_DIRS, GENERATED_EXCLUDES, INSTALL_INPUTS } from './inputs.js';
import type { StepAction, StepContext, StepOutcome } from './types.js';

type Which = 'install' | 'build' | 'test';

/**
 * install / build / test: the component's own command from slipway.yaml, run in its directory.
 * Cached on declared inputs (defaults: manifests for install, all sources otherwise); outputs
 * (dependencies, build output, coverage) are saved and restored on a hit.
 */
export function componentCommand(which: Which): StepAction {
  return {
    cachePolicy(step, c) {
      if (!c) return null;
      const declaredOut = step.def.outputs;
      if (which === 'install') {
        const outputs = declaredOut ?? (c.packageManager ? DEPENDENCY_DIRS[c.packageManager] : undefined);
        return outputs ? { inputs: step.def.inputs ?? INSTALL_INPUTS, outputs } : null;
      }
      if (which === 'build') {
        const outputs = declaredOut ?? (c.staticDir ? [c.staticDir] : BUILD_OUTPUTS[c.runtime]);
        return outputs ? { inputs: step.def.inputs ?? ALL_FILES, outputs, exclude: [...GENERATED_EXCLUDES, ...outputs.map((o) => `${o}/**`)] } : null;
      }
      return { inputs: step.def.inputs ?? ALL_FILES, outputs: declaredOut ?? ['coverage'], exclude: GENERATED_EXCLUDES };
    },
    async execute(ctx: StepContext): Promise<StepOutcome> {
      const command = ctx.component?.commands[which as keyof Commands];
      if (!ctx.component) return { status: 'failed', error: `\`uses: ${which}\` needs \`component:\` (${stepWhere(ctx.step)})` };
      if (!command) {
        return { status: 'failed', error: `components[${ctx.componentIndex}].commands.${which} is not set in slipway.yaml: set it, or remove step "${ctx.step.id}"` };
      }
      ctx.log(`$ ${command}`);
      const r = await ctx.exec(command);
      const outcome = commandOutcome(r, command, ctx.step.origin.startsWith('components[') ? stepWhere(ctx.step) : `slipway.yaml components[${ctx.componentIndex}].commands.${which}`, ctx.timeoutMs);
      if (which !== 'test') return outcome;
      const coverage = readCoverage(ctx.cwd);
      if (coverage) ctx.log(`coverage: ${coverage.linePct.toFixed(1)}% of lines (${coverage.file})`);
      return { ...outcome, result: { tests: outcome.status === 'succeeded' ? 'passed' : 'failed', ...(coverage ? { coverage } : {}) } };
    },
  };
}
