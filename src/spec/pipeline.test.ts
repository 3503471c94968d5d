import { describe, expect, it } from 'vitest';
import { parseSpec } from './io.js';
import { formatProblem } from './errors.js';

const head = `version: 1
name: shop
components:
  - name: api
    kind: web
    language: javascript
    runtime: node
    commands: { install: npm ci, test: npm test }
`;

function problems(pipeline: string): string[] {
  const parsed = parseSpec(head + pipeline, 'slipway.yaml');
  if (parsed.ok) return [];
  return parsed.problems.map(formatProblem);
}

describe('pipeline section of slipway.yaml', () => {
  it('accepts stages with needs, when, timeout and secrets', () => {
    const parsed = parseSpec(
      head +
        `pipeline:
  stages:
    - name: build
      steps:
        - { id: install, uses: install }
        - { id: lint, run: npm run lint, needs: [install], inputs: ["src/**"], timeout: 2m, retries: 1 }
    - name: ship
      steps:
        - { id: deploy-dev, uses: deploy, environment: dev, secrets: [API_TOKEN], when: { branch: [main] } }
`,
    );
    expect(parsed.ok).toBe(true);
  });

  it('names file and line of an unknown need', () => {
    expect(problems(`pipeline:
  steps:
    - { id: install, uses: install }
    - id: test
      uses: test
      needs:
        - instal
`)).toEqual([expect.stringMatching(/^slipway\.yaml:15:\d+: pipeline\.steps\[1\]\.needs\[0\]: unknown step "instal"/)]);
  });

  it('names the line of a duplicate id, a cycle and a bad timeout', () => {
    const out = problems(`pipeline:
  steps:
    - { id: a, run: "true", needs: [b] }
    - { id: b, run: "true", needs: [a] }
    - { id: a, run: "true" }
    - { id: c, run: "true", timeout: soon }
`);
    expect(out).toContainEqual(expect.stringMatching(/^slipway\.yaml:14:\d+: pipeline\.steps\[3\]\.timeout: a duration/));
    const again = problems(`pipeline:
  steps:
    - { id: a, run: "true", needs: [b] }
    - { id: b, run: "true", needs: [a] }
    - { id: a, run: "true" }
`);
    expect(again).toContainEqual(expect.stringMatching(/^slipway\.yaml:13:\d+: pipeline\.steps\[2\]\.id: step id "a" is used twice/));
    expect(again).toContainEqual(expect.stringMatching(/^slipway\.yaml:11:\d+: pipeline\.steps\[0\]\.needs: .*cycle: a → b → a/));
  });

  it('requires exactly one of uses/run, environment for deploy, and known components', () => {
    const out = problems(`pipeline:
  steps:
    - { id: both, uses: build, run: make }
    - { id: ship, uses: deploy }
    - { id: t, uses: test, component: web }
`);
    expect(out).toContainEqual(expect.stringMatching(/^slipway\.yaml:11:\d+: pipeline\.steps\[0\]\.id: a step has exactly one/));
    expect(out).toContainEqual(expect.stringMatching(/^slipway\.yaml:12:\d+: pipeline\.steps\[1\]\.uses: `uses: deploy` needs `environment:`/));
  });

  it('checks component references once the steps themselves are valid', () => {
    expect(problems(`pipeline:
  steps:
    - { id: t, uses: test, component: web }
`)).toEqual([expect.stringMatching(/^slipway\.yaml:11:\d+: pipeline\.steps\[0\]\.component: unknown component "web"/)]);
  });

  it('reports a YAML syntax error in the pipeline with its line', () => {
    expect(problems(`pipeline:
  steps:
    - { id: a, run: "true"
`)[0]).toMatch(/^slipway\.yaml:1[2-4]:\d+: /);
  });
});
