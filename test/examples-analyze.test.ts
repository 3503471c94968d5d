import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze/analyze.js';
import { listExamples } from './helpers/examples.js';

// One snapshot per example (spec + evidence), plus the facts its check.json promises.
describe('analyze examples/', () => {
  for (const ex of listExamples()) {
    it(ex.name, async () => {
      const result = analyze(ex.dir);
      if (ex.check.exitCode === 3) {
        expect(result.ok).toBe(false);
        return;
      }
      expect(result.ok, JSON.stringify(result.notes)).toBe(true);
      const spec = result.spec!;
      if (ex.check.expect) expect(spec).toMatchObject(ex.check.expect);
      for (const key of ex.check.readmeOnly ?? []) {
        const [componentName, ...field] = key.split('.');
        const component = spec.components.find((c) => c.name === componentName);
        const winner = component?.evidence?.[field.join('.')]?.evidence[0];
        expect(winner?.source, `${key} should come from the README`).toBe('readme');
      }
      const snapshot = { spec, unresolved: result.unresolved, notes: result.notes };
      await expect(`${JSON.stringify(snapshot, null, 2)}\n`).toMatchFileSnapshot(join('__snapshots__', 'analyze', `${ex.name}.json`));
    });
  }
});
