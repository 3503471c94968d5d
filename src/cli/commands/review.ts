import { InvalidArgumentError, type Command } from 'commander';
import { RepoPathError } from '../../analyze/repo.js';
import { EXIT, UserError } from '../../errors.js';
import {
  DEFAULT_GATE, evaluateGate, fixDirectory, formatReport, REPORT_FORMATS, reviewDirectory, SEVERITIES,
  type GatePolicy, type ReportFormat, type Severity,
} from '../../review/index.js';

interface ReviewOpts {
  format: ReportFormat;
  gate?: boolean;
  minScore?: number;
  failOn?: Severity;
  fix?: boolean;
  kustomize: boolean;
}

export function registerReview(program: Command): void {
  program
    .command('review')
    .description('Check Dockerfiles, compose, Kubernetes, Terraform, CI and config files against the six Well-Architected pillars')
    .argument('[dir]', 'repository directory', '.')
    .option('--format <format>', `report format: ${REPORT_FORMATS.join(', ')}`, choice(REPORT_FORMATS), 'text')
    .option('--gate', `fail (exit ${EXIT.gateFailed}) when the quality gate fails; alone it means --fail-on ${DEFAULT_GATE.failOn} --min-score ${DEFAULT_GATE.minScore}`)
    .option('--min-score <n>', 'gate: fail when the overall score is below n (0-100)', score)
    .option('--fail-on <severity>', `gate: fail on an open finding this severe or worse (${SEVERITIES.join(', ')})`, choice(SEVERITIES))
    .option('--fix', 'rewrite the files to fix what can be fixed safely, then review again')
    .option('--no-kustomize', 'do not render kustomize overlays with kubectl (review each file on its own)')
    .action(async (dir: string, opts: ReviewOpts) => {
      const load = { kustomize: opts.kustomize };
      let result;
      try {
        if (opts.fix) {
          const fixed = await fixDirectory(dir, load);
          const log = opts.format === 'text' ? process.stdout : process.stderr;
          log.write(fixed.changed.length ? `fixed ${fixed.applied} finding(s) in ${fixed.changed.join(', ')}\n` : 'nothing to fix\n');
          for (const r of fixed.rejected) log.write(`not fixed: ${r.file}: ${r.reason}\n`);
          result = fixed.result;
        } else {
          result = await reviewDirectory(dir, load);
        }
      } catch (err) {
        if (err instanceof RepoPathError) throw new UserError(err.message, EXIT.usage);
        throw err;
      }
      const policy = gatePolicy(opts);
      const gate = policy ? evaluateGate(result.findings, result.scores, policy) : undefined;
      process.stdout.write(formatReport(result, opts.format, gate));
      if (gate && !gate.passed) process.exitCode = EXIT.gateFailed;
    });
}

function gatePolicy(opts: ReviewOpts): GatePolicy | undefined {
  if (!opts.gate && opts.minScore === undefined && opts.failOn === undefined) return undefined;
  const policy: GatePolicy = {};
  const failOn = opts.failOn ?? (opts.gate ? DEFAULT_GATE.failOn : undefined);
  const minScore = opts.minScore ?? (opts.gate ? DEFAULT_GATE.minScore : undefined);
  if (failOn) policy.failOn = failOn;
  if (minScore !== undefined) policy.minScore = minScore;
  return policy;
}

function choice<T extends string>(values: readonly T[]): (v: string) => T {
  return (v) => {
    if (!(values as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${values.join(', ')}`);
    return v as T;
  };
}

function score(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected a whole number from 0 to 100');
  return n;
}
