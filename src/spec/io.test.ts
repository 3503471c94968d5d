import { describe, expect, it } from 'vitest';
import { parseSpec } from './io.js';
import { mergeInferred } from './merge.js';
import { specToYaml } from './serialize.js';
import type { AppSpec } from './app-spec.js';

const inferred: AppSpec = {
  version: 1,
  name: 'shop',
  components: [
    {
      name: 'api',
      path: '.',
      kind: 'web',
      language: 'javascript',
      runtime: 'node',
      runtimeVersion: '20',
      packageManager: 'npm',
      commands: { install: 'npm ci', start: 'node server.js' },
      port: 3000,
      env: [{ name: 'DATABASE_URL', required: true, secret: true }],
      services: [{ type: 'postgres' }],
      tier: 'medium',
      evidence: {
        port: { confidence: 0.9, evidence: [{ source: 'source', file: 'server.js', line: 4, value: 3000 }] },
      },
    },
  ],
};

describe('parseSpec', () => {
  it('round-trips what specToYaml writes', () => {
    const parsed = parseSpec(specToYaml(inferred));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.spec).toEqual(inferred);
  });

  it('names the line and key of a wrong type', () => {
    const text = 'version: 1\nname: shop\ncomponents:\n  - name: api\n    kind: web\n    language: javascript\n    runtime: node\n    port: "three thousand"\n';
    const parsed = parseSpec(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toContainEqual(expect.objectContaining({ line: 8, key: 'components[0].port' }));
  });

  it('names the line of an unknown (misspelt) key', () => {
    const text = 'version: 1\nname: shop\ncomponents:\n  - name: api\n    kind: web\n    language: javascript\n    runtime: node\n    comands:\n      start: node x.js\n';
    const parsed = parseSpec(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ line: 8, key: 'components[0].comands' });
  });

  it('reports YAML syntax errors with a line', () => {
    const parsed = parseSpec('version: 1\nname: [unclosed\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.line).toBeGreaterThan(0);
  });

  it('rejects duplicate component names', () => {
    const twice = { ...inferred, components: [inferred.components[0]!, inferred.components[0]!] };
    const parsed = parseSpec(specToYaml(twice));
    expect(parsed.ok).toBe(false);
  });
});

describe('mergeInferred', () => {
  it('keeps user values and comments, adds what is missing, and leads evidence with the user line', () => {
    const user = [
      '# our app, hand-tuned',
      'version: 1',
      'name: shop',
      'components:',
      '  - name: api # the public API',
      '    kind: web',
      '    language: javascript',
      '    runtime: node',
      '    port: 8080 # behind the corporate proxy',
      '',
    ].join('\n');
    const parsed = parseSpec(user);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    mergeInferred(parsed.doc, parsed.lines, inferred);
    const text = parsed.doc.toString();
    expect(text).toContain('# our app, hand-tuned');
    expect(text).toContain('port: 8080 # behind the corporate proxy');
    const merged = parseSpec(text);
    if (!merged.ok) throw new Error(JSON.stringify(merged.problems));
    const api = merged.spec.components[0]!;
    expect(api.port).toBe(8080);
    expect(api.commands.start).toBe('node server.js');
    expect(api.services).toEqual([{ type: 'postgres' }]);
    expect(api.evidence?.port?.evidence[0]).toMatchObject({ source: 'user', line: 9, value: 8080 });
    expect(api.evidence?.port?.evidence[1]).toMatchObject({ source: 'source', value: 3000 });
  });

  it('is idempotent', () => {
    const parsed = parseSpec(specToYaml(inferred));
    if (!parsed.ok) throw new Error('invalid');
    mergeInferred(parsed.doc, parsed.lines, inferred);
    expect(parseSpec(parsed.doc.toString())).toMatchObject({ ok: true, spec: inferred });
  });
});
