import { hclAddAfter, hclAddBlock, hclSetAttr } from '../../fix/hcl-edit.js';
import type { TextEdit } from '../../fix/text-edit.js';
import { get, isExpression, resolveValue, tfLocation, type TfBlock, type TfModule } from '../../parse/terraform-module.js';
export { isExpression };
import type { Json } from '../../parse/terraform.js';
import type { Draft } from '../../rule.js';

export function resources(mod: TfModule, ...types: string[]): TfBlock[] {
  return mod.resources.filter((r) => types.includes(r.type));
}

export function at(b: TfBlock, path: string[], message: string, fix?: () => TextEdit[]): Draft {
  return { location: tfLocation(b, path), message, ...(fix && b.pos ? { fix } : {}) };
}

/** `aws_s3_bucket.logs` */
export function address(b: TfBlock): string {
  return `${b.type}.${b.name}`;
}

/** A value with `${var.x}` / `${local.y}` resolved where the module says what they are. */
export function value(mod: TfModule, b: TfBlock | Json, path: string): unknown {
  const body = 'body' in b && 'file' in b ? (b as TfBlock).body : b;
  return resolveValue(mod, get(body, path));
}

export function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

export function isFalse(v: unknown): boolean {
  return v === false || v === 'false';
}

/** Whether an attribute of `other` points at `target` (`${aws_s3_bucket.data.id}`, `.arn`, `.bucket` …). */
export function pointsAt(other: TfBlock, attr: string, target: TfBlock): boolean {
  const v = get(other.body, attr);
  const text = typeof v === 'string' ? v : JSON.stringify(v ?? '');
  if (text.includes(`${address(target)}.`) || text.includes(`${address(target)}}`)) return true;
  // `for_each = aws_ecr_repository.x` with `repository = each.value.name`: one companion per target instance.
  const forEach = get(other.body, 'for_each');
  if (typeof forEach === 'string' && forEach.includes(`${address(target)}}`) && /\beach\.(value|key)\b/.test(text)) return true;
  const bucketName = target.body.bucket ?? target.body.name;
  return typeof bucketName === 'string' && !isExpression(bucketName) && text === bucketName;
}

/** The companion resources of a target (`aws_s3_bucket_versioning` for a bucket …). */
export function companions(mod: TfModule, type: string, attr: string, target: TfBlock): TfBlock[] {
  return resources(mod, type).filter((r) => pointsAt(r, attr, target));
}

export function setAttr(b: TfBlock, name: string, valueText: string): () => TextEdit[] {
  return () => (b.pos ? [hclSetAttr(b.file, b.pos, name, valueText)] : []);
}

/** Sets an attribute inside the first nested block of a type, adding the block when absent. */
export function setInBlock(b: TfBlock, blockType: string, name: string, valueText: string): () => TextEdit[] {
  return () => {
    if (!b.pos) return [];
    const nested = b.pos.blocks.find((x) => x.type === blockType);
    return [nested ? hclSetAttr(b.file, nested, name, valueText) : hclAddBlock(b.file, b.pos, blockType, [`${name} = ${valueText}`])];
  };
}

export function addAfter(b: TfBlock, text: string): () => TextEdit[] {
  return () => (b.pos ? [hclAddAfter(b.file, b.pos, text)] : []);
}

/** Production checks apply to prod modules and to modules whose environment is unknown. */
export function isProd(mod: TfModule): boolean {
  return mod.env !== 'nonprod';
}

export function envNote(mod: TfModule): string {
  return mod.env === undefined ? ' (environment unknown: treated as production)' : '';
}

export function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

/** Orders blocks as they are written (file, then position): the first one is the one a reader sees first. */
export function bySource(a: TfBlock, b: TfBlock): number {
  return a.file.path.localeCompare(b.file.path) || (a.pos?.start ?? 0) - (b.pos?.start ?? 0);
}
