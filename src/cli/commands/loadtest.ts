import type { Command } from 'commander';
import type { LoadTestFlags } from '../../loadtest/command.js';

export function registerLoadtest(program: Command): void {
  program
    .command('loadtest')
    .description('Load, stress, spike or soak test a URL or an environment; find the knee and size the autoscaling')
    .argument('[url]', 'target URL (loopback unless --allow-remote)')
    .option('--env <env>', 'test an environment of the local target (dev, test, prod …) instead of a URL')
    .option('--dir <dir>', 'project directory (slipway.yaml; reports go to <dir>/.slipway/loadtests/)', '.')
    .option('--profile <profile>', 'load | stress | spike | soak', 'load')
    .option('--rate <r>', 'open model: arrivals per second (stress: first step; spike: baseline)')
    .option('--vus <n>', 'closed model: virtual users, each one request at a time')
    .option('--duration <d>', 'run length (stress: per step), e.g. 30s, 2m')
    .option('--scenario <file>', 'YAML scenario: requests, headers, bodies, think time, extracted values')
    .option('--slo <slo>', 'objectives, e.g. "p99<300ms,errors<1%"')
    .option('--json', 'print the report as JSON on stdout')
    .option('--report <file.html>', 'write a self-contained HTML report with charts')
    .option('--apply', 'write the recommended scale into slipway.yaml (stress profile)')
    .option('--target-rate <r>', 'requests per second the component must sustain, for sizing')
    .option('--component <name>', 'component the sizing applies to (default: the only web component)')
    .option('--allow-remote', 'allow a target that is not on this machine')
    .option('--connections <n>', 'open model: connections kept open (default 64)')
    .option('--workers <n>', 'generator threads (default: cores − 1, at most 4)')
    .option('--timeout <d>', 'per-request timeout (default 10s)')
    .option('--max-requests <n>', 'hard cap on requests for the run (default 2000000)')
    .option('--max-rate <r>', 'stress: highest rate to try (default 20000)')
    .option('--spike-factor <x>', 'spike: multiple of the baseline rate (default 5)')
    .option('--warmup <d>', 'unmeasured load before the run, e.g. 5s (default none)')
    .action(async (url: string | undefined, opts: LoadTestFlags) => {
      // Loaded on use: the generator pulls in undici and the histogram library.
      const { loadtestCommand } = await import('../../loadtest/command.js');
      const abort = new AbortController();
      const onSigint = (): void => abort.abort();
      process.once('SIGINT', onSigint);
      try {
        process.exitCode = await loadtestCommand(url, opts, { stdout: process.stdout, stderr: process.stderr, signal: abort.signal });
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}
