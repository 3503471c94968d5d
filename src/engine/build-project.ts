import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { dockerLayout } from '../render/docker/layout.js';
import type { AppSpec } from '../spec/app-spec.js';
import { buildImage, STEP_LINE } from './build.js';
import { gitRevision } from './git-revision.js';
import { pushImage, tagImage } from './image.js';
import { EngineCommandError } from './process.js';
import { LogFile } from './log-file.js';
import type { Engine } from './types.js';

export type BuildEvent =
  | { kind: 'start'; component: string; ref: string; log: string }
  | { kind: 'step'; component: string; text: string }
  | { kind: 'built'; component: string; ref: string; ms: number }
  | { kind: 'pushed'; component: string; ref: string; ms: number };

export interface BuildComponentsOptions {
  projectDir: string;
  spec: AppSpec;
  engine: Engine;
  /** Only these components (default: all). */
  components?: string[];
  /** Registry to push to, e.g. "127.0.0.1:5000" or "ghcr.io/acme". */
  push?: string;
  noCache?: boolean;
  onEvent?: (e: BuildEvent) => void;
}

export interface BuiltImage {
  component: string;
  /** Local reference, e.g. "shop-web:3f2a1c9-dirty". */
  ref: string;
  /** Registry reference when pushed. */
  pushed?: string;
  id: string;
  log: string;
  ms: number;
}

/** The last images built per component, for `smoke --no-build` and the pipeline. */
export const IMAGES_RECORD = join('.slipway', 'images.json');

/**
 * Builds every component's image from its generated (or hand-written) Dockerfile, tagged
 * with the git commit, and pushes when asked. The engine's full output goes to
 * .slipway/logs/; `onEvent` gets progress.
 */
export async function buildComponents(opts: BuildComponentsOptions): Promise<BuiltImage[]> {
  const { projectDir, spec, engine } = opts;
  const revision = await gitRevision(projectDir);
  const selected = spec.components.filter((c) => !opts.components || opts.components.includes(c.name));
  for (const c of selected) {
    const l = dockerLayout(spec, c);
    if (!existsSync(join(projectDir, l.dockerfile))) {
      throw new UserError(`${l.dockerfile} does not exist (component ${c.name})`, EXIT.failure, 'run `slipway generate docker` first, or write it yourself');
    }
  }
  const built: BuiltImage[] = [];
  for (const c of selected) {
    const l = dockerLayout(spec, c);
    const ref = `${l.image}:${revision.tag}`;
    const log = new LogFile(projectDir, `build-${c.name}`);
    opts.onEvent?.({ kind: 'start', component: c.name, ref, log: log.path });
    const started = performance.now();
    try {
      log.line(`$ ${engine.name} build -f ${l.dockerfile} -t ${ref} ${l.context}`);
      const result = await buildImage(engine, {
        context: join(projectDir, l.context),
        dockerfile: join(projectDir, l.dockerfile),
        tags: [ref],
        buildArgs: { REVISION: revision.commit ?? '', SOURCE: revision.source ?? '' },
        ...(opts.noCache ? { noCache: true } : {}),
        onLine: (line) => {
          log.line(line);
          const step = line.match(STEP_LINE)?.[0];
          if (step) opts.onEvent?.({ kind: 'step', component: c.name, text: step });
        },
      });
      const ms = performance.now() - started;
      opts.onEvent?.({ kind: 'built', component: c.name, ref, ms });
      const image: BuiltImage = { component: c.name, ref, id: result.id, log: log.path, ms };
      if (opts.push) {
        const remote = `${opts.push.replace(/\/+$/, '')}/${ref}`;
        const pushStarted = performance.now();
        await tagImage(engine, ref, remote);
        try {
          await pushImage(engine, remote, log.line);
        } catch (err) {
          if (!(err instanceof EngineCommandError)) throw err;
          throw new UserError(`push of ${remote} failed: ${err.message}`, EXIT.failure, `check that the registry answers and that you are logged in (${engine.name} login ${opts.push.split('/')[0]})`);
        }
        image.pushed = remote;
        opts.onEvent?.({ kind: 'pushed', component: c.name, ref: remote, ms: performance.now() - pushStarted });
      }
      built.push(image);
    } catch (err) {
      if (err instanceof UserError) err.message += `\nfull log: ${log.path}`;
      throw err;
    } finally {
      log.close();
    }
  }
  recordImages(projectDir, built);
  return built;
}

export function readImagesRecord(projectDir: string): Record<string, BuiltImage> {
  const file = join(projectDir, IMAGES_RECORD);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, BuiltImage>;
  } catch {
    return {};
  }
}

function recordImages(projectDir: string, built: BuiltImage[]): void {
  const record = readImagesRecord(projectDir);
  for (const b of built) record[b.component] = b;
  writeFileAtomic(join(projectDir, IMAGES_RECORD), `${JSON.stringify(record, null, 2)}\n`);
}
