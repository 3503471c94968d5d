import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectEngine, removeImage, type Engine } from '../../src/engine/index.js';
import { generate } from '../../src/generate/index.js';
import { startRun } from '../../src/pipeline/index.js';
import { loadSpec } from '../../src/spec/io.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { commitAll, makeProject, removeProject, write } from './helpers.js';

// Real podman build of examples/node-hello's generated Dockerfile and a real push to the local
// registry (/work/shared/tools/local-registry, started by .ci/run).
const REGISTRY = '127.0.0.1:5000';
const REGISTRY_TOOL = join(process.env.SLIPWAY_SHARED ?? '/work/shared', 'tools', 'local-registry');

let engine: Engine | null = null;
const images: string[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const image of images) if (engine) await removeImage(engine, image).catch(() => undefined);
  dirs.forEach(removeProject);
});

describe('image steps', () => {
  it('image-build builds the component with the container engine and image-push pushes it to the registry', { timeout: 600_000 }, async () => {
    engine = await detectEngine({ need: 'build' });
    execFileSync(REGISTRY_TOOL, ['start'], { stdio: 'ignore' });
    // An app with a dependency (express), as the generated Dockerfile's deps stage expects.
    const dir = makeProject({}, { from: join(REPO_ROOT, 'examples', 'containerize-express') });
    dirs.push(dir);
    const spec = readFileSync(join(dir, 'slipway.yaml'), 'utf8').replace('name: containerize-express\ncomponents:', 'name: slipway-test-imgpipe\ncomponents:');
    write(dir, 'slipway.yaml', `${spec.trimEnd()}\npipeline:\n  steps:\n    - { id: image, uses: image-build, component: containerize-express }\n    - { id: push, uses: image-push, needs: [image], with: { registry: "${REGISTRY}" } }\n`);
    const loaded = loadSpec(dir);
    if (!loaded?.ok) throw new Error('spec');
    generate(dir, loaded.spec, { what: ['docker'] });
    commitAll(dir, 'dockerfile');

    const r = await startRun({ dir });
    const built = JSON.parse(r.steps.find((s) => s.stepId === 'image')!.outputs ?? '{}') as { image?: string };
    const pushed = JSON.parse(r.steps.find((s) => s.stepId === 'push')!.outputs ?? '{}') as { pushed?: Record<string, string> };
    if (built.image) images.push(built.image);
    const ref = pushed.pushed?.['containerize-express'];
    if (ref) images.push(ref);
    expect(r.steps.map((s) => [s.stepId, s.status, s.error])).toEqual([
      ['image', 'succeeded', null],
      ['push', 'succeeded', null],
    ]);
    expect(built.image).toMatch(/^[a-z0-9-]+:[\w.-]+$/);
    expect(ref).toBe(`${REGISTRY}/${built.image}`);
    const [repo, tag] = ref!.slice(REGISTRY.length + 1).split(':');
    const tags = (await (await fetch(`http://${REGISTRY}/v2/${repo}/tags/list`)).json()) as { tags: string[] };
    expect(tags.tags).toContain(tag);
  });
});
