import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { imageExists, tagImage, type Engine } from '../../src/engine/index.js';

const BASE_IMAGES_TOOL = process.env['SLIPWAY_BASE_IMAGES'] ?? '/work/shared/tools/base-images';

/**
 * Gives a repository's own Dockerfile the same chance as ours: where it names a Debian
 * `node:<major>` image that has no local stand-in yet, the stand-in is built (base-images
 * --node <major>, from the npm registry's Node.js binaries); `node:current*` is the newest
 * local major, as on Docker Hub. Alpine and other images stay unavailable (no apk mirror).
 * Returns what it did, for the log.
 */
export async function provideTheirBaseImages(engine: Engine, dockerfile: string): Promise<string[]> {
  const done: string[] = [];
  const froms = [...readFileSync(dockerfile, 'utf8').matchAll(/^FROM\s+(?:--platform=\S+\s+)?(\S+)/gim)].map((m) => m[1]!);
  for (const ref of froms) {
    const m = /^(?:docker\.io\/)?(?:library\/)?node:([\w.-]+)$/.exec(ref);
    if (!m || /alpine/.test(m[1]!)) continue;
    const full = `docker.io/library/node:${m[1]}`;
    if (await imageExists(engine, full)) continue;
    if (/^current/.test(m[1]!)) {
      const newest = await newestNodeMajor(engine);
      if (newest) {
        await tagImage(engine, `docker.io/library/node:${newest}-slim`, full);
        done.push(`${full} = node:${newest}-slim (the newest major, as "current" is on Docker Hub)`);
      }
      continue;
    }
    const major = Number(/^(\d+)/.exec(m[1]!)?.[1]);
    if (!(major >= 12) || !existsSync(BASE_IMAGES_TOOL)) continue;
    execFileSync(BASE_IMAGES_TOOL, ['--node', String(major)], { stdio: 'ignore', timeout: 15 * 60_000 });
    if (await imageExists(engine, full)) done.push(`${full} built by base-images --node ${major}`);
  }
  return done;
}

async function newestNodeMajor(engine: Engine): Promise<number | undefined> {
  for (let major = 40; major >= 12; major--) if (await imageExists(engine, `docker.io/library/node:${major}-slim`)) return major;
  return undefined;
}
