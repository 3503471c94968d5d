import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateGate, fixDirectory, reviewDirectory, RULES } from './index.js';
import { computeScores } from './score.js';

const CLEAN = fileURLToPath(new URL('./__fixtures__/clean-repo', import.meta.url));
const NOW = new Date('2026-01-15T12:00:00Z');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-test-review-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const POD = (extra = ''): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop${extra}
spec:
  containers:
    - name: web
      image: example/web:1.0
`;

describe('clean inputs', () => {
  it('a well-built repository (Dockerfile, compose, kustomize base + overlays, Terraform prod/dev, CI, slipway.yaml) has no finding and scores 100', async () => {
    const result = await reviewDirectory(CLEAN, { now: NOW });
    expect(result.findings).toEqual([]);
    expect(result.scores.overall).toBe(100);
    for (const p of Object.values(result.scores.pillars)) expect(p.score).toBe(100);
    expect(result.files).toEqual(expect.arrayContaining(['Dockerfile', 'compose.yaml', 'k8s/base/deployment.yaml', 'infra/prod/storage.tf', '.github/workflows/ci.yaml', 'slipway.yaml']));
    expect(result.rules.length).toBe(RULES.length);
  });

  it('finds nothing in an empty repository and scores it as not assessed', async () => {
    const result = await reviewDirectory(repo({ 'README.md': '# nothing to deploy\n' }));
    expect(result.findings).toEqual([]);
    expect(result.scores.overall).toBeNull();
  });
});

describe('bad input', () => {
  it('turns malformed YAML, HCL, Dockerfiles and slipway.yaml into parse-error findings and reviews every other file', async () => {
    const dir = repo({
      'k8s/broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  name: again\n',
      'k8s/ok.yaml': POD(),
      'infra/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n',
      'Dockerfile': 'FROM node:20-slim\nRUNN npm ci\n',
      'web/Dockerfile': 'FROM node:20-slim\nCMD node server.js\n',
      'slipway.yaml': 'version: 1\nname: shop\ncomponents:\n  - name: web\n    kind: website\n',
    });
    const result = await reviewDirectory(dir, { now: NOW });
    const errors = result.findings.filter((f) => f.ruleId === 'parse-error').map((f) => `${f.location.file}:${f.location.line}`);
    expect(errors.sort()).toEqual(['Dockerfile:2', 'infra/main.tf:2', 'k8s/broken.yaml:5', 'slipway.yaml:5']);
    expect(result.findings.find((f) => f.location.file === 'infra/main.tf')?.message).toMatch(/malformed HCL/);
    // the other files were reviewed all the same
    expect(result.findings.some((f) => f.location.file === 'k8s/ok.yaml' && f.ruleId === 'SLW-K8S-001')).toBe(true);
    expect(result.findings.some((f) => f.location.file === 'web/Dockerfile' && f.ruleId === 'SLW-DF-006')).toBe(true);
  });
});

describe('suppressions', () => {
  it('honours inline comments (this line, next line, whole file) with a reason, and flags the ones without', async () => {
    const dir = repo({
      'a/Dockerfile': '# slipway:ignore SLW-DF-002 -- base image pinned by Renovate digest policy\nFROM node\nUSER node\n# slipway:ignore SLW-DF-005\nCMD ["node", "x.js"]\n',
      'b/Dockerfile': '# slipway:ignore-file SLW-DF-005, SLW-DF-002 -- vendor image\nFROM python\nUSER app\n',
    });
    const result = await reviewDirectory(dir, { now: NOW });
    const a = result.findings.filter((f) => f.location.file === 'a/Dockerfile');
    expect(a.find((f) => f.ruleId === 'SLW-DF-002')?.suppressed).toMatchObject({ by: 'inline', reason: 'base image pinned by Renovate digest policy' });
    expect(a.find((f) => f.ruleId === 'SLW-DF-005')?.suppressed).toBeUndefined();
    expect(a.find((f) => f.ruleId === 'SLW-REVIEW-002')?.location.line).toBe(4);
    const b = result.findings.filter((f) => f.location.file === 'b/Dockerfile' && !f.ruleId.startsWith('SLW-REVIEW'));
    expect(b.length).toBeGreaterThan(0);
    expect(b.every((f) => f.suppressed?.by === 'inline')).toBe(true);
  });

  it('honours the slipway.dev/ignore annotation on a Kubernetes object', async () => {
    const dir = repo({ 'k8s/pod.yaml': POD('\n  annotations:\n    slipway.dev/ignore: "SLW-K8S-004, SLW-K8S-001 -- legacy image writes to /var/cache"') });
    const result = await reviewDirectory(dir, { now: NOW });
    expect(result.findings.find((f) => f.ruleId === 'SLW-K8S-004')?.suppressed).toMatchObject({ by: 'annotation', reason: 'legacy image writes to /var/cache' });
    expect(result.findings.find((f) => f.ruleId === 'SLW-K8S-001')?.suppressed?.by).toBe('annotation');
    expect(result.findings.find((f) => f.ruleId === 'SLW-K8S-003')?.suppressed).toBeUndefined();
  });

  it('honours slipway.suppressions.yaml until its expiry date; an expired entry becomes a finding and stops suppressing', async () => {
    const files = {
      'k8s/pod.yaml': POD(),
      'slipway.suppressions.yaml': [
        'suppressions:',
        '  - rule: SLW-K8S-004',
        '    paths: ["k8s/**"]',
        '    reason: read-only fs tracked in OPS-142',
        '    expires: 2026-03-31',
        '  - rules: [SLW-K8S-001]',
        '    reason: old exception',
        '    expires: 2025-12-31',
        '  - rule: SLW-K8S-003',
        '    paths: ["other/**"]',
        '    reason: does not match this file',
        '',
      ].join('\n'),
    };
    const result = await reviewDirectory(repo(files), { now: NOW });
    expect(result.findings.find((f) => f.ruleId === 'SLW-K8S-004')?.suppressed).toMatchObject({ by: 'file', reason: 'read-only fs tracked in OPS-142', expires: '2026-03-31', at: { file: 'slipway.suppressions.yaml', line: 2 } });
    expect(result.findings.find((f) => f.ruleId === 'SLW-K8S-001')?.suppressed).toBeUndefined();
    expect(result.findings.find((f) => f.ruleId === 'SLW-K8S-003')?.suppressed).toBeUndefined();
    const expired = result.findings.filter((f) => f.ruleId === 'SLW-REVIEW-001');
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ location: { file: 'slipway.suppressions.yaml', line: 6 }, severity: 'medium' });
    const later = await reviewDirectory(repo(files), { now: new Date('2026-04-01T00:00:00Z') });
    expect(later.findings.find((f) => f.ruleId === 'SLW-K8S-004')?.suppressed).toBeUndefined();
    expect(later.findings.filter((f) => f.ruleId === 'SLW-REVIEW-001')).toHaveLength(2);
  });

  it('counts suppressed findings as passing checks and never fails a gate on them', async () => {
    const dir = repo({ 'Dockerfile': '# slipway:ignore-file SLW-DF-001, SLW-DF-005 -- distroless runtime, probes in Kubernetes\nFROM gcr.io/distroless/nodejs20-debian12:latest-amd64\nCMD ["server.js"]\n' });
    const result = await reviewDirectory(dir, { now: NOW });
    expect(result.findings.filter((f) => !f.suppressed).map((f) => f.ruleId)).toEqual([]);
    expect(result.scores.overall).toBe(100);
    expect(evaluateGate(result.findings, result.scores, { failOn: 'low', minScore: 100 }).passed).toBe(true);
  });
});

describe('kustomize overlays', () => {
  function overlayRepo(): string {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-test-review-'));
    dirs.push(dir);
    cpSync(join(CLEAN, 'k8s'), join(dir, 'k8s'), { recursive: true });
    return dir;
  }

  it('renders each overlay, applies prod rules to prod only, and points at the patch that sets a value', async () => {
    const dir = overlayRepo();
    writeFileSync(join(dir, 'k8s/overlays/prod/replicas.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n');
    rmSync(join(dir, 'k8s/overlays/prod/hpa.yaml'));
    writeFileSync(join(dir, 'k8s/overlays/prod/kustomization.yaml'), readFileSync(join(dir, 'k8s/overlays/prod/kustomization.yaml'), 'utf8').replace('  - hpa.yaml\n', ''));
    const result = await reviewDirectory(dir, { now: NOW });
    const replicas = result.findings.filter((f) => f.ruleId === 'SLW-K8S-020');
    expect(replicas).toHaveLength(1);
    expect(replicas[0]).toMatchObject({ location: { file: 'k8s/overlays/prod/replicas.yaml', line: 6 } });
    expect(replicas[0]!.message).toContain('k8s/overlays/prod');
  });

  it('reports a problem in a shared base once, at the base file, however many overlays use it', async () => {
    const dir = overlayRepo();
    const dep = join(dir, 'k8s/base/deployment.yaml');
    writeFileSync(dep, readFileSync(dep, 'utf8').replace('            readOnlyRootFilesystem: true\n', ''));
    const result = await reviewDirectory(dir, { now: NOW });
    const ro = result.findings.filter((f) => f.ruleId === 'SLW-K8S-004');
    expect(ro).toHaveLength(1);
    expect(ro[0]!.location.file).toBe('k8s/base/deployment.yaml');
  });

  it('reviews the files one by one when asked not to render', async () => {
    const result = await reviewDirectory(CLEAN, { now: NOW, kustomize: false });
    expect(result.findings.some((f) => f.location.file.startsWith('k8s/'))).toBe(true);
  });

  it('reports a kustomization that does not build as a parse error', async () => {
    const dir = overlayRepo();
    writeFileSync(join(dir, 'k8s/overlays/dev/kustomization.yaml'), 'resources:\n  - ../../missing\n');
    const result = await reviewDirectory(dir, { now: NOW });
    expect(result.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.location.file)).toEqual(['k8s/overlays/dev/kustomization.yaml']);
  });
});

describe('--fix', () => {
  it('rewrites only what it must, keeping comments and formatting, and a second run changes nothing', async () => {
    const manifest = [
      '# the shop front end',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web   # keep me',
      '  namespace: shop',
      'spec:',
      '  containers:',
      '  - name: web',
      "    image: 'example/web:1.0'",
      '    ports: [{containerPort: 3000}]',
      '    securityContext: {readOnlyRootFilesystem: true}',
      '',
    ].join('\n');
    const dir = repo({ 'k8s/pod.yaml': manifest });
    const first = await fixDirectory(dir, { now: NOW });
    expect(first.changed).toEqual(['k8s/pod.yaml']);
    const after = readFileSync(join(dir, 'k8s/pod.yaml'), 'utf8');
    for (const line of ['# the shop front end', '  name: web   # keep me', "    image: 'example/web:1.0'", '    ports: [{containerPort: 3000}]', '  - name: web']) {
      expect(after).toContain(line);
    }
    expect(after).toMatch(/securityContext: \{ readOnlyRootFilesystem: true, .*allowPrivilegeEscalation: false/);
    expect(first.result.findings.filter((f) => f.fixable)).toEqual([]);
    const second = await fixDirectory(dir, { now: NOW });
    expect(second.changed).toEqual([]);
    expect(readFileSync(join(dir, 'k8s/pod.yaml'), 'utf8')).toBe(after);
  });
});

describe('scores and gate', () => {
  it('weights checks by severity and caps pillars holding high or critical findings', () => {
    const s = computeScores(
      [
        { pillar: 'security', severity: 'high', checked: 10, failed: 1 },
        { pillar: 'security', severity: 'low', checked: 10, failed: 0 },
        { pillar: 'cost', severity: 'low', checked: 4, failed: 1 },
      ],
      [{ pillar: 'security', severity: 'high' }],
    );
    // security: 1 - 5/60 = 91.6 → capped at 85; cost: 1 - 1/4 = 75; overall: 1 - 6/64 = 90.6 → capped at 85
    expect(s.pillars.security.score).toBe(85);
    expect(s.pillars.cost.score).toBe(75);
    expect(s.pillars.reliability.score).toBeNull();
    expect(s.overall).toBe(85);
  });

  it('fails by severity and by score', () => {
    const scores = computeScores([{ pillar: 'security', severity: 'medium', checked: 2, failed: 1 }], [{ pillar: 'security', severity: 'medium' }]);
    const finding = { ruleId: 'X', pillar: 'security', severity: 'medium', title: '', message: '', location: { file: 'a', line: 1, column: 1 }, fixHint: '', fixable: false } as const;
    expect(evaluateGate([finding], scores, { failOn: 'high' }).passed).toBe(true);
    expect(evaluateGate([finding], scores, { failOn: 'medium' }).reasons).toEqual(['1 open finding of severity medium or above']);
    expect(evaluateGate([finding], scores, { minScore: 51 }).reasons).toEqual(['overall score 50 is below 51']);
  });
});
