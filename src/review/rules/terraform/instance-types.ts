import type { TfBlock, TfModule } from '../../parse/terraform-module.js';
import { asList, value } from './shared.js';

/** x86 instance families with a Graviton (arm64) counterpart: same workload class, ~20% better price-performance. */
export const GRAVITON: Record<string, string> = {
  t2: 't4g', t3: 't4g', t3a: 't4g',
  m4: 'm7g', m5: 'm7g', m5a: 'm7g', m6i: 'm7g', m6a: 'm7g', m7i: 'm7g', m7a: 'm7g',
  c4: 'c7g', c5: 'c7g', c5a: 'c7g', c6i: 'c7g', c6a: 'c7g', c7i: 'c7g', c7a: 'c7g',
  r4: 'r7g', r5: 'r7g', r5a: 'r7g', r6i: 'r7g', r6a: 'r7g', r7i: 'r7g', r7a: 'r7g',
};

/** `db.m5.large` → { prefix: 'db.', family: 'm5', size: 'large' }. */
function parseInstanceType(t: string): { prefix: string; family: string; size: string } | undefined {
  const m = /^((?:db|cache)\.)?([a-z]+\d+[a-z]*)\.([a-z0-9]+)$/.exec(t);
  return m ? { prefix: m[1] ?? '', family: m[2]!, size: m[3]! } : undefined;
}

/** Sizes at or above 2xlarge, and bare metal. */
export function isLarge(size: string): boolean {
  if (size === 'metal' || size.startsWith('metal')) return true;
  const m = /^(\d+)xlarge$/.exec(size);
  return !!m && Number(m[1]) >= 2;
}

const INSTANCE_ATTRS = ['instance_type', 'instance_class', 'node_type', 'instance_types'];

export interface InstanceType {
  attr: string;
  type: string;
  prefix: string;
  family: string;
  size: string;
}

/** Resources that set an instance type attribute, each with the types it names (resolved, in attribute order). */
export function sizedResources(mod: TfModule): { r: TfBlock; types: InstanceType[] }[] {
  return mod.resources
    .filter((r) => INSTANCE_ATTRS.some((a) => r.body[a] !== undefined))
    .map((r) => ({
      r,
      types: INSTANCE_ATTRS.flatMap((attr) =>
        asList(value(mod, r, attr)).flatMap((t) => {
          const p = typeof t === 'string' ? parseInstanceType(t) : undefined;
          return p ? [{ attr, type: String(t), ...p }] : [];
        }),
      ),
    }));
}
