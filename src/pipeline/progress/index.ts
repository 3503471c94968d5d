import type { RunReporter } from '../runner/reporter.js';
import { ListrReporter } from './listr.js';
import { PlainReporter } from './plain.js';

/** listr2 on an interactive terminal, plain lines otherwise (CI, pipes, NO_COLOR logs). */
export function reporterFor(out: NodeJS.WriteStream, opts: { verbose?: boolean } = {}): RunReporter {
  const interactive = Boolean(out.isTTY) && !process.env.CI && process.env.TERM !== 'dumb';
  return interactive && !opts.verbose ? new ListrReporter(out) : new PlainReporter(out, opts.verbose ?? false);
}
