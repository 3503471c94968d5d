import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { monorepoSpec, singleSpec } from '../ci/__fixtures__/specs.js';
import { ciRenderer } from '../ci/index.js';
import { runbookProblems } from '../ci/validate/runbook.js';
import { k8sRenderer } from '../k8s/index.js';
import { terraformRenderer } from '../terraform/index.js';
import { runbookRenderer } from './index.js';

type Node = { type: string; depth?: number; value?: string; children?: Node[] };
const walk = (n: Node, out: Node[] = []): Node[] => (out.push(n), (n.children ?? []).forEach((c) => walk(c, out)), out);
const text = (n: Node): string => n.value ?? (n.children ?? []).map(text).join('');
/** The section under a `## title`, as its text. */
function sectionText(md: string, title: string): string {
  const start = md.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = md.indexOf('\n## ', start + 4);
  return md.slice(start, end < 0 ? undefined : end);
}

describe('RUNBOOK.md for the monorepo fixture', () => {
  const spec = monorepoSpec();
  const md = runbookRenderer.render(spec, { target: 'gitlab' }).files[0]!.content;
  const tf = terraformRenderer.render(spec, {}).files.map((f) => f.content).join('\n');
  const k8s = k8sRenderer.render(spec, {}).files;

  it('is valid Markdown with every section, and names only pipeline files that exist', () => {
    const ci = ciRenderer.render(spec, { target: 'gitlab' }).files;
    expect(runbookProblems(md, new Set([...ci, ...k8s].map((f) => f.path)))).toEqual([]);
    const h2 = walk(fromMarkdown(md) as Node).filter((n) => n.type === 'heading' && n.depth === 2).map(text);
    expect(h2).toEqual(['At a glance', 'Deploy', 'Promote', 'Roll back', 'Scale', 'Restore a backup', 'Rotate a secret', 'Logs and alarms']);
  });

  it('describes this app: components, ports, commands, services, environments', () => {
    const glance = sectionText(md, 'At a glance');
    for (const s of ['| web | web (public) | apps/web | 3000 | /healthz | high | shop-web | apps/web/Dockerfile | `node dist/server.js` |', '| api | web | apps/api | 8000 |', 'postgres 16', 'Aurora PostgreSQL `shop-<env>-postgres`', 'http://127.0.0.1:7300', '`shop-prod`', 's3://shop-prod-terraform-state']) {
      expect(glance).toContain(s);
    }
    expect(sectionText(md, 'Deploy')).toContain('`.gitlab/ci/web.gitlab-ci.yml`');
    expect(sectionText(md, 'Deploy')).toContain('`web` runs `pnpm db:migrate` once per release');
  });

  it('uses names the generated Kubernetes and Terraform really have', () => {
    // Namespaces and Deployments of the runbook's kubectl commands exist in the overlays.
    for (const [, ns] of md.matchAll(/kubectl -n ([\w-]+)/g)) expect(k8s.some((f) => f.content.includes(`name: ${ns}`)), ns).toBe(true);
    for (const [, name] of md.matchAll(/deployment\/([\w-]+)/g)) expect(['web', 'api', 'worker'], name).toContain(name);
    // Alarms, the backup vault and the Aurora cluster are named as Terraform names them.
    const rows = [...md.matchAll(/\| shop-<env>-([\w-]+) \| ([\w-]+) \|/g)].map((m) => ({ alarm: m[1]!, component: m[2]! }));
    expect(rows.map((r) => r.alarm)).toEqual(expect.arrayContaining(['web-cpu', 'web-http-5xx', 'api-restarts']));
    expect(rows.map((r) => r.alarm)).not.toContain('api-http-5xx'); // api is not public: no CloudFront alarm
    for (const r of rows) expect(tf).toContain(`"\${local.name}-\${each.key}-${r.alarm.slice(r.component.length + 1)}"`);
    expect(tf).toContain('resource "aws_backup_vault" "main"');
    expect(tf).toContain('cluster_identifier');
    expect(sectionText(md, 'Restore a backup')).toContain('--source-db-cluster-identifier shop-prod-postgres');
  });

  it('rolls back, scales and rotates with this app\'s objects', () => {
    expect(sectionText(md, 'Roll back')).toContain('kubectl -n shop-prod rollout undo deployment/web');
    expect(sectionText(md, 'Roll back')).toContain('`nightly` is a Job');
    expect(sectionText(md, 'Scale')).toContain('| web | high | 500m / 2 | 512Mi / 1Gi | 1–2 | 2–4 | 3–12 |');
    const secrets = sectionText(md, 'Rotate a secret');
    expect(secrets).toContain('kubectl -n shop-prod create secret generic web-secrets --from-literal=SESSION_SECRET=<value>');
    expect(secrets).toContain('-replace=random_password.postgres');
  });
});

describe('RUNBOOK.md follows slipway.yaml', () => {
  it('uses the environments and CI the spec names', () => {
    const md = runbookRenderer.render({ ...singleSpec(), ci: { target: 'codepipeline' } }, {}).files[0]!.content;
    expect(md).toContain('environments dev → staging → prod, pipelines on AWS CodePipeline and CodeBuild');
    expect(md).toContain('Before staging:');
    expect(md).toContain('`aws codepipeline start-pipeline-execution --name notes`');
    expect(sectionText(md, 'Restore a backup')).toContain('No backing service holds data');
    expect(sectionText(md, 'Rotate a secret')).toContain('No component declares a secret');
  });
});
