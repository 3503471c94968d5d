import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../../fs/atomic-write.js';
import { envPaths } from '../local/paths.js';
import { ReleaseRecord } from '../local/state.js';
import type { KubeObject } from './manifests.js';

/**
 * What Slipway applied to the cluster per release (.slipway/envs/<env>/kubernetes/): the exact
 * objects, so a rollback re-applies a whole release (ConfigMaps included), not only a Deployment.
 */
const Entry = ReleaseRecord;
const History = z.object({ live: z.string().nullable(), releases: z.array(Entry) });
export type History = z.infer<typeof History>;
export type HistoryEntry = z.infer<typeof Entry>;

const KEEP = 10;

export class KubeHistory {
  readonly dir: string;

  constructor(projectDir: string, env: string) {
    this.dir = join(envPaths(projectDir, env).root, 'kubernetes');
  }

  read(): History {
    const file = join(this.dir, 'history.json');
    return existsSync(file) ? History.parse(JSON.parse(readFileSync(file, 'utf8'))) : { live: null, releases: [] };
  }

  write(h: History): void {
    h.releases = h.releases.slice(-KEEP);
    writeFileAtomic(join(this.dir, 'history.json'), `${JSON.stringify(h, null, 2)}\n`);
  }

  saveObjects(id: string, objects: KubeObject[]): void {
    writeFileAtomic(join(this.dir, 'releases', `${id}.json`), JSON.stringify(objects));
  }

  objects(id: string): KubeObject[] | null {
    const file = join(this.dir, 'releases', `${id}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as KubeObject[]) : null;
  }
}
