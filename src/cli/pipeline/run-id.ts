import { EXIT, UserError } from '../../errors.js';

export function parseRunId(text: string): number {
  const id = Number(text.replace(/^#/, ''));
  if (!Number.isInteger(id) || id <= 0) throw new UserError(`"${text}" is not a run id`, EXIT.usage, 'slipway runs lists them');
  return id;
}
