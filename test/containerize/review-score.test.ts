import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeRenderer } from '../../src/render/compose/index.js';
import { dockerRenderer } from '../../src/render/docker/index.js';
import { envRenderer } from '../../src/render/env/index.js';
import { DOCKER_CASES } from '../../src/render/docker/__fixtures__/specs.js';
import { reviewDirectory } from '../../src/review/index.js';
import { specToYaml } from '../../src/spec/serialize.js';
import { writeRendered } from '../helpers/rendered-files.js';

/**
 * Everything `generate docker|compose|env` writes must pass Slipway's own review: an overall
 * score of at least 95 and no finding on a generated file (findings about slipway.yaml
 * itself, such as a missing test command, are the spec's business, not the renderers').
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('generated container files pass `slipway review`', () => {
  for (const [name, spec] of Object.entries(DOCKER_CASES)) {
    it(name, async () => {
      const files = [dockerRenderer, composeRenderer, envRenderer].flatMap((r) => r.render(spec, {}).files);
      const { root: dir } = writeRendered(files, `slipway-test-review-${name}-`);
      dirs.push(dir);
      writeFileSync(join(dir, 'slipway.yaml'), specToYaml(spec));
      const result = await reviewDirectory(dir);
      const onGenerated = result.findings.filter((f) => !String(f.location?.file ?? '').endsWith('slipway.yaml'));
      expect(onGenerated.map((f) => `${f.ruleId} ${f.location?.file}:${f.location?.line} ${f.message}`)).toEqual([]);
      expect(result.scores.overall).toBeGreaterThanOrEqual(95);
    });
  }
});
