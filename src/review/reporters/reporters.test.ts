import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateGate, formatReport, reviewDirectory, type ReviewResult } from '../index.js';
import { fixtureRepo } from '../testing/fixture-repo.js';

const require = createRequire(import.meta.url);
// Both packages are CommonJS; under NodeNext their default import is `module.exports`, which carries `.default`.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;
// The SARIF 2.1.0 JSON schema (rtm.5, the one GitHub code scanning documents), as shipped by @microsoft/jest-sarif.
const SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
const BAD_K8S = fileURLToPath(new URL('../rules/k8s/__fixtures__/k8s-001.bad.k8s.yaml', import.meta.url));

let result: ReviewResult;
beforeAll(async () => {
  const repo = fixtureRepo(BAD_K8S);
  result = await reviewDirectory(repo.dir, { now: new Date('2026-01-15T00:00:00Z') });
  // one suppressed finding, so SARIF suppressions are exercised too
  result.findings[0]!.suppressed = { by: 'inline', reason: 'accepted for the test', at: result.findings[0]!.location };
  repo.cleanup();
});

describe('SARIF', () => {
  it('is valid against the SARIF 2.1.0 JSON schema', () => {
    // unicodeRegExp off: the published schema's `language` pattern is not valid under the `u` flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(SCHEMA);
    const log = JSON.parse(formatReport(result, 'sarif')) as unknown;
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has one rule descriptor per rule and results pointing at them with exact regions', () => {
    const log = JSON.parse(formatReport(result, 'sarif')) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; properties: { tags: string[] } }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[]; suppressions?: unknown[] }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.length).toBe(result.rules.length + 3);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe('k8s/manifest.yaml');
    }
    const k001 = run.results.filter((r) => r.ruleId === 'SLW-K8S-001').map((r) => r.locations[0]!.physicalLocation.region.startLine);
    expect(k001.sort((a, b) => a - b)).toEqual([16, 20, 26]);
    expect(run.results.filter((r) => r.suppressions)).toHaveLength(1);
  });
});

describe('text, JSON and Markdown', () => {
  it('the text report lists findings by file with line:column and the scores', () => {
    // picocolors colours output when CI is set: compare the text without its escapes.
    const text = stripVTControlCharacters(formatReport(result, 'text', evaluateGate(result.findings, result.scores, { failOn: 'high' })));
    expect(text).toContain('k8s/manifest.yaml\n');
    expect(text).toMatch(/\n {2}\d+:\d+ +high +SLW-K8S-001 +container "api"/);
    expect(text).toContain('Security');
    expect(text).toContain('gate: failed');
  });

  it('the JSON report is a stable document with scores, summary, gate and findings', () => {
    const json = JSON.parse(formatReport(result, 'json')) as { version: number; scores: unknown; summary: { openTotal: number }; findings: unknown[]; gate: unknown };
    expect(json.version).toBe(1);
    expect(json.findings).toHaveLength(result.findings.length);
    expect(json.summary.openTotal).toBe(result.findings.length - 1);
    expect(json.gate).toBeNull();
  });

  it('the Markdown report has a pillar table and a findings table', () => {
    const md = formatReport(result, 'markdown', evaluateGate(result.findings, result.scores, { minScore: 99 }));
    expect(md).toMatch(/^## Slipway review: \d+\/100 ❌ gate failed/);
    expect(md).toContain('| Security |');
    expect(md).toContain('`SLW-K8S-001`');
  });
});
