/**
 * bench/dockerize: for the corpus repositories marked npm_only_buildable, builds and runs
 * Slipway's generated Dockerfile and the repository's own side by side, and prints success
 * (build, start, answers on the port), image size, cold build time, rebuild time after a
 * one-line source change, and stop time.
 *
 *   npx tsx bench/dockerize/run.ts [--only <owner/name>] [--json <file>] [--keep]
 *
 * Works on copies in a temp dir outside the repository; removes its images and containers.
 * Needs podman (or docker) and the local base images (shared/tools/base-images).
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { detectEngine, type Engine } from '../../src/engine/index.js';
import { generate } from '../../src/generate/index.js';
import { analyzeProject } from '../../src/project/load.js';
import { containerPort, dockerLayout } from '../../src/render/docker/layout.js';
import { corpusFile } from '../analyze/corpus.js';
import { checkoutOf, npmOnlyEntries, removeContainerFiles, scratchCopy, type BuildableEntry } from './corpus.js';
import { freshCacheIds, measure, type Measured } from './measure.js';
import { provideTheirBaseImages } from './their-base-images.js';
import { changeOneLine } from './source-change.js';
import { formatTable, summary, type Row } from './table.js';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const keep = args.includes('--keep');

const engine = await detectEngine({ need: 'run', prefer: process.env['SLIPWAY_ENGINE'] ?? 'podman' });
const root = mkdtempSync(join(tmpdir(), 'slipway-bench-dockerize-'));
const runId = Date.now().toString(36);
const entries = npmOnlyEntries(corpusFile()).filter((e) => !only || e.repo === only);
const logFile = join(root, 'bench.log');
const log = (line: string) => appendFileSync(logFile, `${line}\n`);
process.stdout.write(`engine ${engine.name} ${engine.version}; ${entries.length} repositories; work dir ${root}; full log ${logFile}\n`);

const rows: Row[] = [];
for (const entry of entries) {
  if (!existsSync(checkoutOf(entry))) {
    process.stdout.write(`skip ${entry.repo}: no checkout at ${checkoutOf(entry)}\n`);
    continue;
  }
  log(`\n===== ${entry.repo} (ours)`);
  const ours = await oursSide(entry, engine);
  rows.push({ repo: entry.repo, side: 'ours', m: ours.m });
  process.stdout.write(`${entry.repo} ours: ${ours.m.failure ?? 'ok'}\n`);
  log(`\n===== ${entry.repo} (theirs)`);
  const theirs = await theirsSide(entry, engine, ours.changed);
  rows.push({ repo: entry.repo, side: 'theirs', m: theirs });
  process.stdout.write(`${entry.repo} theirs: ${theirs.failure ?? 'ok'}\n`);
}

process.stdout.write(`\n${formatTable(rows)}\n\n${summary(rows)}\n`);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows, null, 2)}\n`);
if (!keep) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
// podman/buildah keep cache mounts under /var/tmp/buildah-cache/<id>; drop this run's fresh ones.
const cacheRoot = '/var/tmp/buildah-cache';
if (engine.name !== 'docker' && existsSync(cacheRoot)) {
  for (const d of readdirSync(cacheRoot)) if (d.includes(`-bench-${runId}-`)) rmSync(join(cacheRoot, d), { recursive: true, force: true });
}

async function oursSide(entry: BuildableEntry, engine: Engine): Promise<{ m: Measured; changed?: string }> {
  const dir = scratchCopy(entry, root, 'ours');
  removeContainerFiles(dir);
  const fail = (failure: string): { m: Measured } => ({ m: { built: false, started: false, answered: false, failure } });
  let spec;
  try {
    spec = analyzeProject(dir).spec;
  } catch (err) {
    return fail(`analyze: ${firstLine(err)}`);
  }
  const appDir = posix.normalize(entry.app_dir);
  const component = spec.components.find((c) => posix.normalize(c.path) === appDir);
  if (!component) return fail(`analyze: no component at ${appDir} (found ${spec.components.map((c) => c.path).join(', ')})`);
  try {
    const r = generate(dir, spec, { what: ['docker'], force: true, render: { components: [component.name] } });
    for (const n of r.notes) log(`note: ${n.level} ${n.message}`);
  } catch (err) {
    return fail(`generate: ${firstLine(err)}`);
  }
  const layout = dockerLayout(spec, component);
  freshCacheIds(join(dir, layout.dockerfile), `bench-${runId}-${entry.repo.replace(/\W+/g, '-')}`);
  let changed: string | undefined;
  const m = await measure(
    engine,
    {
      context: join(dir, layout.context),
      dockerfile: join(dir, layout.dockerfile),
      port: containerPort(component),
      tag: `slipway-bench-ours-${entry.repo.replace(/\W+/g, '-').toLowerCase()}:${runId}`,
      change: () => (changed = changeOneLine(join(dir, component.path), component.commands.start)),
    },
    log,
  );
  log(`spec: ${JSON.stringify(component)}`);
  return { m, ...(changed ? { changed } : {}) };
}

async function theirsSide(entry: BuildableEntry, engine: Engine, changed: string | undefined): Promise<Measured> {
  const dir = scratchCopy(entry, root, 'theirs');
  const dockerfileDir = dirname(entry.dockerfile_path);
  // Built from the Dockerfile's directory when that is the app; else from the repository root (corpus README).
  const context = posix.normalize(dockerfileDir) === posix.normalize(entry.app_dir) ? dockerfileDir : '.';
  const appDir = join(dir, entry.app_dir);
  for (const line of await provideTheirBaseImages(engine, join(dir, entry.dockerfile_path))) log(`# their base image: ${line}`);
  return measure(
    engine,
    {
      context: join(dir, context),
      dockerfile: join(dir, entry.dockerfile_path),
      port: entry.port ?? undefined,
      tag: `slipway-bench-theirs-${entry.repo.replace(/\W+/g, '-').toLowerCase()}:${runId}`,
      change: () => {
        if (changed && existsSync(join(appDir, changed))) {
          appendFileSync(join(appDir, changed), `\n// slipway bench: one-line change ${Date.now()}\n`);
          return changed;
        }
        return changeOneLine(appDir, undefined);
      },
    },
    log,
  );
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
}
