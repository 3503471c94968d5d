/**
 * `npm run bench:review`: precision and recall on the labelled vulnerable corpus
 * (bench/review/corpus, labels are the `slipway-expect` comments), then the time to review a
 * synthetic repository of 200 Kubernetes manifests + 50 Terraform files + 20 Dockerfiles.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reviewDirectory } from '../../src/review/index.js';
import { labelsOf } from './labels.js';
import { writeSyntheticRepo } from './synthetic.js';

const CORPUS = fileURLToPath(new URL('./corpus', import.meta.url));
const verbose = process.argv.includes('--verbose');

async function accuracy(): Promise<void> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  console.log('labelled corpus                 labels  found  TP   FP   FN');
  for (const name of readdirSync(CORPUS).sort()) {
    const dir = join(CORPUS, name);
    const labels = labelsOf(dir);
    const result = await reviewDirectory(dir);
    const found = new Set(result.findings.filter((f) => !f.suppressed).map((f) => `${f.ruleId}|${f.location.file}|${f.location.line}`));
    const t = [...found].filter((k) => labels.has(k));
    const p = [...found].filter((k) => !labels.has(k));
    const n = [...labels].filter((k) => !found.has(k));
    tp += t.length;
    fp += p.length;
    fn += n.length;
    console.log(`  ${name.padEnd(30)}${String(labels.size).padStart(6)} ${String(found.size).padStart(6)} ${String(t.length).padStart(4)} ${String(p.length).padStart(4)} ${String(n.length).padStart(4)}`);
    if (verbose || p.length || n.length) {
      for (const k of p) console.log(`      false positive  ${k}`);
      for (const k of n) console.log(`      missed          ${k}`);
    }
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  console.log(`precision ${(precision * 100).toFixed(1)}%  recall ${(recall * 100).toFixed(1)}%  (TP ${tp}, FP ${fp}, FN ${fn}; a finding matches a label by rule, file and line)`);
}

async function speed(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'slipway-bench-review-'));
  try {
    const sizes = writeSyntheticRepo(root);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const first = await reviewDirectory(root, { kustomize: false });
    const cold = performance.now() - t0;
    const coldCpu = cpuMs(process.cpuUsage(c0));
    const warm: number[] = [];
    const warmCpu: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      await reviewDirectory(root, { kustomize: false });
      warm.push(performance.now() - t);
      warmCpu.push(cpuMs(process.cpuUsage(c)));
    }
    warm.sort((a, b) => a - b);
    warmCpu.sort((a, b) => a - b);
    console.log(
      `synthetic repo: ${sizes.k8s} Kubernetes manifests + ${sizes.tf} Terraform files + ${sizes.dockerfiles} Dockerfiles, ${first.files.length} files read, ${first.findings.length} findings`,
    );
    console.log(`review time (wall): first run ${cold.toFixed(0)} ms (includes loading the HCL parser), warm median ${warm[2]!.toFixed(0)} ms (min ${warm[0]!.toFixed(0)}, max ${warm[4]!.toFixed(0)}, 5 runs); target < 1000 ms`);
    console.log(`review time (CPU, this process): first run ${coldCpu.toFixed(0)} ms, warm median ${warmCpu[2]!.toFixed(0)} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await accuracy();
await speed();

function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}
