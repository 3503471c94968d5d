import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixDirectory, reviewDirectory } from '../index.js';
import { ruleDocsPage } from '../docs/rule-docs.js';
import { PILLARS, TARGETS } from '../model.js';
import { expectedLines, fixtureRepo } from '../testing/fixture-repo.js';
import { RULES } from './index.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const NOW = new Date('2026-01-15T12:00:00Z');
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const BP_PREFIX: Record<string, string> = { security: 'SEC', reliability: 'REL', performance: 'PERF', cost: 'COST', 'operational-excellence': 'OPS', sustainability: 'SUS' };

function fixtures(target: string, id: string, kind: 'bad' | 'good'): string[] {
  const dir = join(HERE, target, '__fixtures__');
  const prefix = `${id.slice(4).toLowerCase()}.${kind}`;
  return existsSync(dir) ? readdirSync(dir).filter((f) => f === prefix || f.startsWith(`${prefix}.`) || f.startsWith(`${prefix}-`)).map((f) => join(dir, f)) : [];
}

function filesOf(dir: string, file: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  if (file) out.set(file, readFileSync(join(dir, file), 'utf8'));
  else walk(dir);
  return out;
}

describe('rule registry', () => {
  it('has at least 70 rules with unique, well-formed ids', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(70);
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^SLW-(DF|DC|K8S|TF|CI|CFG|SPEC)-\d{3}$/);
  });

  it('registers every rule file, and every registered rule has its file', () => {
    const files = TARGETS.flatMap((t) =>
      readdirSync(join(HERE, t))
        .filter((f) => /^[a-z0-9]+-\d{3}-[a-z0-9-]+\.ts$/.test(f))
        .map((f) => `${t}/${f}`),
    );
    const expected = RULES.map((r) => `${r.meta.target}/${r.meta.id.slice(4).toLowerCase()}-${r.meta.slug}.ts`);
    expect(files.sort()).toEqual([...expected].sort());
  });

  it('documents every rule: rationale, fix, Well-Architected ids of its pillar, equivalents', () => {
    for (const { meta } of RULES) {
      expect(meta.title.length, meta.id).toBeGreaterThan(5);
      expect(meta.rationale.length, meta.id).toBeGreaterThan(40);
      expect(meta.fixHint.length, meta.id).toBeGreaterThan(15);
      expect(PILLARS).toContain(meta.pillar);
      expect(meta.wellArchitected.length, meta.id).toBeGreaterThan(0);
      for (const bp of meta.wellArchitected) expect(bp, meta.id).toMatch(/^(SEC|REL|PERF|COST|OPS|SUS)\d{2}-BP\d{2}$/);
      expect(meta.wellArchitected.some((bp) => bp.startsWith(`${BP_PREFIX[meta.pillar]}`)), `${meta.id} cites a best practice of its own pillar`).toBe(true);
      for (const [tool, ids] of Object.entries(meta.equivalents)) {
        expect(['checkov', 'trivy', 'kubeScore', 'polaris', 'hadolint', 'kubeLinter']).toContain(tool);
        expect((ids as string[]).length, `${meta.id} ${tool}`).toBeGreaterThan(0);
      }
    }
  });

  it('keeps the generated docs pages in sync with the rule metadata (npm run docs:review)', () => {
    for (const t of TARGETS) {
      const file = join(REPO, 'docs', 'review', `${t}.md`);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8'), `${file} is stale: run npm run docs:review`).toBe(ruleDocsPage(t, RULES.map((r) => r.meta)));
    }
  });

  it('has a failing and a passing fixture for every rule', () => {
    const missing = RULES.flatMap((r) =>
      (['bad', 'good'] as const).filter((k) => fixtures(r.meta.target, r.meta.id, k).length === 0).map((k) => `${r.meta.id} ${k}`),
    );
    expect(missing).toEqual([]);
  });
});

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  const bad = fixtures(rule.meta.target, id, 'bad');
  const good = fixtures(rule.meta.target, id, 'good');

  it.each(bad.map((f) => [relative(HERE, f)]))('fires on %s, at the marked lines', async (f) => {
    const repo = fixtureRepo(join(HERE, f));
    cleanups.push(repo.cleanup);
    const result = await reviewDirectory(repo.dir, { now: NOW });
    const mine = result.findings.filter((x) => x.ruleId === id);
    expect(mine.length, `${id} should fire`).toBeGreaterThan(0);
    expect(result.findings.filter((x) => x.ruleId === 'parse-error')).toEqual([]);
    const marked = expectedLines(filesOf(repo.dir, repo.file)).get(id) ?? new Map<string, Set<number>>();
    const got = new Map<string, Set<number>>();
    for (const x of mine) got.set(x.location.file, (got.get(x.location.file) ?? new Set()).add(x.location.line));
    const norm = (m: Map<string, Set<number>>): Record<string, number[]> => Object.fromEntries([...m].map(([k, v]) => [k, [...v].sort((a, b) => a - b)]));
    expect(norm(got), 'findings must be exactly at the lines marked `slipway-expect`').toEqual(norm(marked));
  });

  it.each(good.map((f) => [relative(HERE, f)]))('is silent on %s', async (f) => {
    const repo = fixtureRepo(join(HERE, f));
    cleanups.push(repo.cleanup);
    const result = await reviewDirectory(repo.dir, { now: NOW });
    expect(result.findings.filter((x) => x.ruleId === id || x.ruleId === 'parse-error')).toEqual([]);
  });

  if (rule.meta.fixable) {
    it('fixes its bad fixtures, and a second --fix finds nothing to do', async () => {
      let fixedSomething = false;
      for (const f of bad) {
        const repo = fixtureRepo(f);
        cleanups.push(repo.cleanup);
        const before = (await reviewDirectory(repo.dir, { now: NOW })).findings.filter((x) => x.ruleId === id && x.fixable).length;
        if (before === 0) continue;
        fixedSomething = true;
        const first = await fixDirectory(repo.dir, { now: NOW });
        expect(first.rejected, relative(HERE, f)).toEqual([]);
        expect(first.result.findings.filter((x) => x.ruleId === id && x.fixable), relative(HERE, f)).toEqual([]);
        expect(first.result.findings.filter((x) => x.ruleId === 'parse-error'), relative(HERE, f)).toEqual([]);
        const second = await fixDirectory(repo.dir, { now: NOW });
        expect(second.changed, `${relative(HERE, f)}: a second --fix must change nothing`).toEqual([]);
      }
      expect(fixedSomething, `${id} is marked fixable: one of its bad fixtures must be fixable`).toBe(true);
    });
  }
});
