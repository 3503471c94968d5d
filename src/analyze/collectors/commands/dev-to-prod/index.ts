import { compiledRules } from './compiled.js';
import { nodeRules } from './node.js';
import { pythonRules } from './python.js';
import { rubyPhpRules } from './ruby-php.js';
import type { DevToProdRule, MappingContext, ProductionCommand } from './types.js';

export type { DevToProdRule, MappingContext, ProductionCommand } from './types.js';

/** The development → production table, every ecosystem (rendered in docs/analyzer.md). */
export const DEV_TO_PROD: readonly DevToProdRule[] = [...nodeRules, ...pythonRules, ...rubyPhpRules, ...compiledRules];

/** The production equivalent of a development command, or undefined when it is not one. */
export function toProduction(argv: readonly string[], ctx: MappingContext): (ProductionCommand & { rule: string }) | undefined {
  for (const rule of DEV_TO_PROD) {
    if (!rule.match(argv)) continue;
    const mapped = rule.map(argv, ctx);
    if (mapped) return { ...mapped, rule: rule.id };
  }
  return undefined;
}

/** True when a command is a development server or watcher (whether or not it can be mapped). */
export function isDevelopmentCommand(argv: readonly string[]): boolean {
  return DEV_TO_PROD.some((r) => r.match(argv));
}
