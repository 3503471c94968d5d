import { EXIT } from '../errors.js';
import { main } from './main.js';

// The process entry point (bin/slipway.js): exit codes are set, never forced, so pending
// output is flushed.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`slipway: internal error (please report it): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = EXIT.failure;
  },
);
