import { defineRule, each } from '../../rule.js';
import { yamlLocation } from '../../parse/yaml.js';

export default defineRule({
  meta: {
    id: 'SLW-SPEC-003',
    slug: 'test-command',
    target: 'spec',
    pillar: 'operational-excellence',
    severity: 'low',
    title: 'Component has no test command',
    rationale: 'Without `commands.test` the pipeline\'s test step has nothing to run for the component: every change goes to the quality gate untested.',
    fixHint: 'Set `commands.test` (e.g. `npm test`, `pytest`, `go test ./...`).',
    wellArchitected: ['OPS05-BP02'],
    equivalents: {},
  },
  check(doc) {
    const code = doc.spec.components.map((c, i) => ({ c, i })).filter(({ c }) => c.runtime !== 'static');
    return each(code, ({ c, i }) => {
      if (c.commands.test) return null;
      return { location: yamlLocation(doc, ['components', i, 'commands']), message: `component ${c.name} has no test command` };
    });
  },
});
