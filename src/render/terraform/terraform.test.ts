import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from '@cdktf/hcl2json';
import { writeRendered } from '../../../test/helpers/rendered-files.js';
import { oneComponent, shopSpec } from '../k8s/__fixtures__/specs.js';
import { SpecIncompleteError } from '../renderer.js';
import { printFile } from './hcl/print.js';
import { block, call, nested, raw, resource } from './hcl/model.js';
import { terraformRenderer } from './index.js';
import { checkReferences, checkTerraformOutput, parseHclFiles, terraformFmtCheck } from './validate/index.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('terraform renderer on the shop fixture', () => {
  const result = terraformRenderer.render(shopSpec(), {});
  const file = (name: string) => result.files.find((f) => f.path === `deploy/terraform/${name}`)?.content ?? '';

  it('parses, is terraform-fmt clean, and every reference resolves', async () => {
    const { root, byPath } = writeRendered(result.files);
    roots.push(root);
    const checks = await checkTerraformOutput(root, byPath);
    expect(checks.map((c) => c.check)).toEqual(['hcl parse', 'terraform fmt', 'terraform references']);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('creates the managed service of each backing service, and only those', () => {
    const paths = result.files.map((f) => f.path.replace('deploy/terraform/', ''));
    expect(paths).toEqual(expect.arrayContaining(['postgres.tf', 'redis.tf', 'rabbitmq.tf', 'sqs.tf', 'opensearch.tf', 'backup.tf', 'edge.tf', 'workload-iam.tf']));
    expect(paths).not.toContain('kafka.tf');
    expect(file('sqs.tf')).toMatch(/fifo_queue\s+= true/);
    expect(file('sqs.tf')).toContain('deadLetterTargetArn = aws_sqs_queue.dlq.arn');
    expect(file('ecr.tf')).toMatch(/image_tag_mutability = "IMMUTABLE"/);
    expect(file('ecr.tf')).toMatch(/scan_on_push = true/);
  });

  it('switches prod and non-prod through the profile: AZs, capacity, Multi-AZ, deletion protection, schedules', async () => {
    const prod = await parse('prod.tfvars', file('env/prod.tfvars'));
    const dev = await parse('dev.tfvars', file('env/dev.tfvars'));
    expect(prod).toMatchObject({ profile: 'prod', backup_retention_days: 35, db_instance_class: 'db.r6g.large' });
    expect(dev).toMatchObject({ profile: 'non-prod', db_instance_class: 'db.serverless' });
    expect((dev as { backup_retention_days: number }).backup_retention_days).toBeLessThan(35);
    expect(file('locals.tf')).toContain('az_count   = local.is_prod ? 3 : 2');
    expect(file('eks.tf')).toMatch(/capacity_type\s+= local.is_prod \? "ON_DEMAND" : "SPOT"/);
    expect(file('postgres.tf')).toContain('deletion_protection                 = local.is_prod');
    expect(file('postgres.tf')).toContain('min_capacity             = local.is_prod ? 0.5 : 0');
    expect(file('schedule.tf')).toContain('count                  = local.is_prod ? 0 : 1');
  });

  it('tags everything for cost allocation and wires alarms to SNS', () => {
    expect(file('providers.tf')).toContain('tags = local.tags');
    expect(file('locals.tf')).toMatch(/CostCenter\s+= var.cost_center/);
    for (const metric of ['pod_cpu_utilization_over_pod_limit', 'pod_memory_utilization_over_pod_limit', 'pod_number_of_container_restarts', '5xxErrorRate', 'OriginLatency']) {
      expect(file('alarms.tf')).toContain(`"${metric}"`);
    }
    expect(file('alarms.tf')).toContain('alarm_actions       = [aws_sns_topic.alarms.arn]');
  });
});

describe('terraform renderer on a small app', () => {
  it('leaves out services, backups and the edge when the app has none', () => {
    const r = terraformRenderer.render(oneComponent({ public: false }), {});
    const paths = r.files.map((f) => f.path);
    expect(paths.some((p) => /postgres|backup|edge/.test(p))).toBe(false);
    expect(r.files.find((f) => f.path.endsWith('variables.tf'))!.content).not.toContain('domain_name');
  });

  it('refuses a web component without a port, naming the key', () => {
    expect(() => terraformRenderer.render(oneComponent({ port: undefined }), {})).toThrow(SpecIncompleteError);
  });
});

describe('reference check', () => {
  const module = async (text: string) => (await parseHclFiles({ 'm/main.tf': text })).parsed;

  it('accepts for-expression and dynamic-block symbols, meta arguments and provider aliases', async () => {
    const text = [
      'variable "names" { type = list(string) }',
      'provider "aws" { alias = "east" }',
      'locals { upper = { for n in var.names : n => upper(n) } }',
      'resource "x" "y" {',
      '  provider = aws.east',
      '  for_each = local.upper',
      '  name     = "${each.key}-${path.module}"',
      '  dynamic "rule" {',
      '    for_each = each.value',
      '    content { id = rule.value }',
      '  }',
      '}',
    ].join('\n');
    expect(await checkReferences(await module(text))).toEqual([]);
  });

  it('reports undeclared references, unused variables and unknown tfvars keys', async () => {
    const text = [
      'variable "used" { type = string }',
      'variable "unused" { type = string }',
      'resource "x" "y" {',
      '  a = var.used',
      '  b = var.typo',
      '  c = aws_s3_bucket.missing.id',
      '  d = { for k, v in local.nope : k => "${v}-${module.gone.id}" }',
      '  e = data.aws_region.none.name',
      '}',
    ].join('\n');
    const tfvars = (await parseHclFiles({ 'm/env/dev.tfvars': 'used = "x"\nstray = 1\n' })).parsed;
    const messages = (await checkReferences(await module(text), tfvars)).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'var.typo: variable "typo" is not declared',
        'aws_s3_bucket.missing.id: resource "aws_s3_bucket.missing" is not declared',
        'local.nope: local "nope" is not declared',
        'module.gone.id: module "gone" is not declared',
        'data.aws_region.none.name: data source "aws_region.none" is not declared',
        'variable "unused" is declared but never used',
        'stray sets no declared variable',
      ]),
    );
    expect(messages).toHaveLength(7);
  });
});

describe('HCL printer', () => {
  it('prints what terraform fmt would, and keeps literal ${ from interpolating', async () => {
    const text = printFile({
      path: 'x.tf',
      header: ['about'],
      blocks: [
        resource('aws_thing', 'a', {
          name: 'literal ${not.a.ref} and "quotes"',
          count: 2,
          long_attribute_name: raw('var.x'),
          tags: { Name: 'a', 'kubernetes.io/role/elb': 1 },
          policy: call('jsonencode', { Statement: [{ Effect: 'Allow', Resource: ['*'] }] }),
          inner: nested({ enabled: true }),
          after: null,
        }),
        block('variable', ['x'], { type: raw('string') }),
      ],
    });
    const { root } = writeRendered([{ path: 'x.tf', content: text }]);
    roots.push(root);
    const fmt = await terraformFmtCheck(root);
    expect(fmt.output).not.toMatch(/^[-+]\s/m);
    expect(fmt.ok).toBe(true);
    const json = await parse('x.tf', text);
    expect((json as { resource: { aws_thing: { a: { name: string }[] } } }).resource.aws_thing.a[0]!.name).toBe('literal $${not.a.ref} and "quotes"');
    expect(text).toContain('"literal $${not.a.ref} and \\"quotes\\""');
  });
});
