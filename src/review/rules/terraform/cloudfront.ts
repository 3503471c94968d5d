import { blocks, type TfBlock } from '../../parse/terraform-module.js';
import type { Json } from '../../parse/terraform.js';

/** Every cache behaviour of a distribution with its path (default first). */
export function cacheBehaviors(d: TfBlock): { body: Json; path: string[] }[] {
  return [
    ...blocks(d.body, 'default_cache_behavior').map((b) => ({ body: b, path: ['default_cache_behavior', 'viewer_protocol_policy'] })),
    ...blocks(d.body, 'ordered_cache_behavior').map((b, i) => ({ body: b, path: ['ordered_cache_behavior', String(i), 'viewer_protocol_policy'] })),
  ];
}
