import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { displayPath } from '../project/load.js';
import type { AppSpec } from '../spec/app-spec.js';
import type { Component, Tier } from '../spec/component.js';
import { parseSpec, SPEC_FILE, writeSpecText } from '../spec/io.js';
import { parseDuration } from './duration.js';
import { pickComponent, resolveTarget } from './project-target.js';
import { buildReport } from './report/build.js';
import { renderHtmlReport } from './report/html.js';
import { ProgressView } from './report/progress.js';
import { newReportId, saveReport } from './report/store.js';
import { renderSummary } from './report/terminal.js';
import type { LoadTestReport } from './report/types.js';
import { runLoadTest } from './run.js';
import { loadScenario } from './scenario/load.js';
import { defaultScenario, type Scenario } from './scenario/types.js';
import { resolveSettings } from './settings.js';
import { applyScale, scaleFromSizing } from './sizing/apply.js';
import { recommendSizing } from './sizing/sizing.js';
import { checkTarget } from './target.js';

/** Flags as commander hands them over (strings until parsed here). */
export interface LoadTestFlags {
  dir: string;
  env?: string;
  profile?: string;
  rate?: string;
  vus?: string;
  duration?: string;
  scenario?: string;
  slo?: string;
  json?: boolean;
  report?: string;
  apply?: boolean;
  targetRate?: string;
  allowRemote?: boolean;
  component?: string;
  connections?: string;
  workers?: string;
  timeout?: string;
  maxRequests?: string;
  maxRate?: string;
  spikeFactor?: string;
  warmup?: string;
}

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  signal?: AbortSignal;
}

/** `slipway loadtest`: resolve the target, run the profile, report, size, and optionally apply. */
export async function loadtestCommand(url: string | undefined, f: LoadTestFlags, io: CommandIo): Promise<number> {
  const dir = resolve(f.dir);
  const target = resolveTarget(dir, url, f.env, Boolean(f.apply || f.component || f.profile === 'stress'));
  const scenario = withBasePath(f.scenario ? loadScenario(f.scenario) : defaultScenario('/'), target.url);
  const settings = resolveSettings({
    url: target.url,
    scenario,
    profile: f.profile,
    rate: numberFlag('--rate', f.rate),
    vus: numberFlag('--vus', f.vus),
    durationMs: f.duration === undefined ? undefined : durationFlag('--duration', f.duration),
    connections: numberFlag('--connections', f.connections),
    workers: numberFlag('--workers', f.workers),
    timeoutMs: f.timeout === undefined ? undefined : durationFlag('--timeout', f.timeout),
    slo: f.slo,
    maxRequests: numberFlag('--max-requests', f.maxRequests),
    maxRate: numberFlag('--max-rate', f.maxRate),
    spikeFactor: numberFlag('--spike-factor', f.spikeFactor),
    warmupMs: f.warmup === undefined ? undefined : durationFlag('--warmup', f.warmup),
  });
  const component = target.spec && (f.apply || f.component || settings.profile === 'stress') ? pickComponentOrNull(target.spec, f.component, Boolean(f.apply)) : null;
  const targetRate = numberFlag('--target-rate', f.targetRate) ?? component?.scale?.targetRps;
  if (f.apply) {
    if (settings.profile !== 'stress') throw new UserError('--apply writes a sizing, which needs a measured capacity', EXIT.usage, 'run with --profile stress');
    if (!target.spec || !component) throw new UserError(`--apply needs ${SPEC_FILE} in ${displayPath(dir)}`, EXIT.usage, 'run `slipway analyze --write` first, or pass --dir');
    if (targetRate === undefined) throw new UserError('--apply needs a target rate to size for', EXIT.usage, `pass --target-rate R, or set components[].scale.targetRps in ${SPEC_FILE}`);
  }
  await checkTarget(settings.url, Boolean(f.allowRemote));

  const progress = new ProgressView(io.stderr);
  const data = await runLoadTest(settings, {
    onPhaseStart: (p, i) => progress.phaseStart(p, i),
    onSecond: (e) => progress.second(e),
    onPhaseEnd: (r) => progress.phaseEnd(r),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  progress.clear();
  const report = buildReport(settings, data, {
    id: newReportId(data.startedAt),
    ...(target.env ? { env: target.env } : {}),
    ...(component ? { component: component.name } : {}),
  });
  addSizing(report, component?.tier, targetRate);
  const stored = saveReport(dir, report);
  if (f.report) writeFileAtomic(resolve(f.report), renderHtmlReport(report));
  if (f.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    io.stdout.write(renderSummary(report));
    io.stdout.write(`\n  stored    ${displayPath(stored)}${f.report ? `\n  report    ${displayPath(resolve(f.report))}` : ''}\n`);
  }
  if (f.apply && component && report.sizing && data.stopReason !== 'interrupted') {
    const file = join(dir, SPEC_FILE);
    const text = applyScale(readFileSync(file, 'utf8'), file, component.name, scaleFromSizing(report.sizing));
    const check = parseSpec(text, file);
    if (!check.ok) throw new UserError(`the sizing would make ${SPEC_FILE} invalid: ${check.problems[0]?.message ?? ''}`);
    writeSpecText(dir, text);
    io.stderr.write(`wrote components[${component.name}].scale to ${displayPath(file)}\n`);
  } else if (f.apply) {
    io.stderr.write(`${SPEC_FILE} left unchanged: ${data.stopReason === 'interrupted' ? 'the run was interrupted' : 'no capacity was measured (see the notes)'}\n`);
  }
  if (data.stopReason === 'interrupted') return EXIT.failure;
  return report.slo.passed ? EXIT.ok : EXIT.gateFailed;
}

function addSizing(report: LoadTestReport, tier: Tier | undefined, targetRate: number | undefined): void {
  const capacity = report.stress?.capacityRps;
  if (!report.stress || capacity === null || capacity === undefined) return;
  if (targetRate === undefined) {
    report.notes.push('pass --target-rate R (or set components[].scale.targetRps) to get replicas, HPA bounds and requests');
    return;
  }
  if (!tier) report.notes.push(`no ${SPEC_FILE}: sized for the medium tier`);
  report.sizing = recommendSizing({ capacityRps: capacity, capacityIsLowerBound: report.stress.knee.lowerBound, targetRps: targetRate, tier: tier ?? 'medium' });
}

/** The component a stress run sizes; optional unless --apply or --component asks for it. */
function pickComponentOrNull(spec: AppSpec, name: string | undefined, required: boolean): Component | null {
  try {
    return pickComponent(spec, name);
  } catch (err) {
    if (required || name) throw err;
    return null;
  }
}

/** Scenario paths are relative to the target URL: http://host/api + /users → /api/users. */
function withBasePath(s: Scenario, url: URL): Scenario {
  const base = url.pathname.replace(/\/+$/, '');
  const query = url.search;
  if (!base && !query) return s;
  return {
    ...s,
    requests: s.requests.map((r) => {
      const path = `${base}${r.path === '/' && base ? '' : r.path}` || '/';
      return { ...r, path: query && !path.includes('?') ? `${path}${query}` : path, name: r.name === `GET /` ? `GET ${base || '/'}` : r.name };
    }),
  };
}

function numberFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UserError(`${flag} ${value}: not a number`, EXIT.usage);
  return n;
}

function durationFlag(flag: string, value: string): number {
  const ms = parseDuration(value);
  if (ms === null) throw new UserError(`${flag} ${value}: not a duration`, EXIT.usage, 'write e.g. 30s, 2m, 1h or 500ms');
  return ms;
}
