import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { analyzeRepo } from '../../src/analyze/analyze.js';
import { PROVIDERS } from '../../src/analyze/providers/index.js';
import { readPackageJson } from '../../src/analyze/providers/node/package-json.js';
import { RepoView } from '../../src/analyze/repo.js';
import type { Component } from '../../src/spec/component.js';
import { median } from '../support/stats.js';
import { loadCorpus, repoDir, type CorpusEntry } from './corpus.js';
import { copiedFiles } from './dockerfile-copies.js';
import { hiddenFromAnalyzer } from './hide.js';
import { printReport } from './report.js';
import { scoreRepo, summarize, type RepoScore } from './score.js';

// npm run bench:analyze -- --corpus ../shared/corpus/dev.json --repos <dir> [--runs 5] [--json]
const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    repos: { type: 'string' },
    runs: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
if (!values.corpus || !values.repos) {
  process.stderr.write('usage: npm run bench:analyze -- --corpus ../shared/corpus/dev.json --repos <dir with owner+name checkouts> [--runs 5] [--json] [--only <substring>]\n');
  process.exit(2);
}
const runs = Math.max(1, Number(values.runs) || 5);
const entries = loadCorpus(values.corpus).filter((e) => !values.only || e.repo.includes(values.only));
const scores: RepoScore[] = [];
const loadBefore = loadavg()[0]!;
const missing: string[] = [];

for (const entry of entries) {
  const dir = repoDir(values.repos, entry);
  if (!existsSync(dir)) {
    missing.push(entry.repo);
    continue;
  }
  const times: number[] = [];
  const cpu: number[] = [];
  let component: Component | undefined;
  let view: RepoView | undefined;
  for (let i = 0; i < runs; i++) {
    // A fresh RepoView per run: file listing and reads are part of the measured time.
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    view = RepoView.open(dir, { hide: hiddenFromAnalyzer });
    const result = analyzeRepo(view, PROVIDERS);
    const c1 = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c1.user + c1.system) / 1000);
    component = pick(result.spec?.components ?? [], entry);
  }
  const appDir = entry.app_dir === '' ? '.' : entry.app_dir.replace(/\/$/, '');
  const scripts = readPackageJson(view!, appDir)?.pkg.scripts ?? {};
  const copies = copiedFiles(RepoView.open(dir), entry.dockerfile_path);
  const score = scoreRepo(entry, component, { repo: view!, appDir, scripts, language: entry.language, copies }, {
    ms: median(times), cpuMs: median(cpu), coldMs: times[0]!,
  });
  scores.push(score);
}

const machine = { cores: availableParallelism(), loadBefore, loadAfter: loadavg()[0]! };
if (values.json) process.stdout.write(`${JSON.stringify({ summary: summarize(scores), machine, repos: scores, missing }, null, 2)}\n`);
else printReport(scores, summarize(scores), missing, { runs, ...machine }, process.stdout);

/** The component at the entry's app_dir (its main process, not a Procfile worker). */
function pick(components: Component[], entry: CorpusEntry): Component | undefined {
  const dir = entry.app_dir === '' ? '.' : entry.app_dir.replace(/\/$/, '');
  const here = components.filter((c) => c.path === dir);
  return here.find((c) => c.kind !== 'worker') ?? here[0];
}
