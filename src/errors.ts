/** Process exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  nothingDeployable: 3,
  gateFailed: 4,
} as const;

/**
 * A problem the user can fix (bad input, missing tool, a file in the way). The CLI prints
 * the message and hint without a stack trace and exits with `exitCode`.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
