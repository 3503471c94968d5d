#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (prepare) or `npm run build`.
import('../dist/cli/run.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/run.js')) {
    console.error('slipway: not built yet. Run `npm run build` in the slipway package.');
    process.exit(1);
  }
  throw err;
});
