/**
 * bench/generate: for 10 corpus repositories, analyze → render every registered renderer
 * into a temp dir → run every validation; prints each repository's results and the pass
 * rate per check. Checkouts are read in place (/work/corpus-repos), never copied.
 *
 *   npx tsx bench/generate/run.ts [count]     (default 10)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeProject } from '../../src/project/load.js';
import { RENDERERS } from '../../src/render/index.js';
import type { RenderedFile } from '../../src/render/renderer.js';
import { checkers } from './checks.js';
import { corpusRepos } from './corpus.js';

const count = Number(process.argv[2] ?? 10);
const repos = corpusRepos(count);
const checks = await checkers();
/** check name → repositories that passed it */
const passed = new Map<string, number>();
const pass = (name: string) => passed.set(name, (passed.get(name) ?? 0) + 1);
const allCheckNames = new Set<string>(['analyze', ...RENDERERS.map((r) => `render ${r.id}`)]);
/** renderer id → milliseconds per render, one entry per repository */
const renderMs = new Map<string, number[]>();

for (const { repo, dir } of repos) {
  const line: string[] = [];
  const t0 = performance.now();
  let spec;
  try {
    spec = analyzeProject(dir).spec;
    pass('analyze');
    line.push(`analyze ok (${spec.components.length} component${spec.components.length === 1 ? '' : 's'})`);
  } catch (err) {
    line.push(`analyze FAILED: ${(err as Error).message.split('\n')[0]}`);
    process.stdout.write(`${repo}\n  ${line.join('\n  ')}\n`);
    continue;
  }
  const files: RenderedFile[] = [];
  for (const r of RENDERERS) {
    try {
      const t = performance.now();
      files.push(...r.render(spec, {}).files);
      renderMs.set(r.id, [...(renderMs.get(r.id) ?? []), performance.now() - t]);
      pass(`render ${r.id}`);
    } catch (err) {
      line.push(`render ${r.id} FAILED: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const root = mkdtempSync(join(tmpdir(), 'slipway-bench-generate-'));
  try {
    const byPath: Record<string, string> = {};
    for (const f of files) {
      mkdirSync(dirname(join(root, f.path)), { recursive: true });
      writeFileSync(join(root, f.path), f.content);
      byPath[f.path] = f.content;
    }
    for (const c of checks) {
      for (const result of await c.run(root, byPath)) {
        allCheckNames.add(result.check);
        if (result.ok) pass(result.check);
        else line.push(`${result.check} FAILED: ${result.problems.slice(0, 3).join(' | ').slice(0, 400)}`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const ms = performance.now() - t0;
  process.stdout.write(`${repo}  (${files.length} files, ${ms.toFixed(0)} ms)\n  ${line.join('\n  ')}\n`);
}

process.stdout.write(`\npass rate per check over ${repos.length} repositories\n`);
for (const name of allCheckNames) {
  const n = passed.get(name) ?? 0;
  process.stdout.write(`  ${name.padEnd(22)} ${String(n).padStart(2)}/${repos.length}  ${((100 * n) / Math.max(1, repos.length)).toFixed(0)}%\n`);
}

process.stdout.write('\nrender time per repository (ms): median / max\n');
for (const [id, times] of renderMs) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  process.stdout.write(`  ${id.padEnd(22)} ${median.toFixed(2)} / ${(sorted.at(-1) ?? 0).toFixed(2)}\n`);
}
