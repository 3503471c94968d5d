import type { Command } from 'commander';
import { registerAnalyze } from './analyze.js';

/** Every CLI command: one file each, a `register(program)` that adds it. */
export const COMMANDS: readonly ((program: Command) => void)[] = [registerAnalyze];
