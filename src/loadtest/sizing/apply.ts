import { isMap, isSeq, parseDocument } from 'yaml';
import { EXIT, UserError } from '../../errors.js';
import type { Scale } from '../../spec/component.js';
import type { SizingRecommendation } from './sizing.js';

/** The `components[].scale` values a recommendation writes. */
export function scaleFromSizing(s: SizingRecommendation): Required<Pick<Scale, 'minReplicas' | 'maxReplicas' | 'cpu' | 'memory' | 'targetRps' | 'capacityRps'>> {
  return {
    minReplicas: s.minReplicas,
    maxReplicas: s.maxReplicas,
    cpu: s.requests.cpu,
    memory: s.requests.memory,
    targetRps: s.targetRps,
    capacityRps: s.capacityRps,
  };
}

/**
 * Writes sizing into one component's `scale:` in slipway.yaml text, through the YAML
 * document so the user's comments, order and other values stay as they were.
 */
export function applyScale(yamlText: string, file: string, component: string, scale: Partial<Scale>): string {
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0) throw new UserError(`${file} is not valid YAML: ${doc.errors[0]?.message.split('\n')[0]}`, EXIT.usage);
  const components = doc.get('components', true);
  const index = isSeq(components) ? components.items.findIndex((item) => isMap(item) && item.get('name') === component) : -1;
  if (index < 0) throw new UserError(`${file} has no component named "${component}"`, EXIT.usage, 'pass --component with a name listed under components:');
  for (const [key, value] of Object.entries(scale)) {
    if (value !== undefined) doc.setIn(['components', index, 'scale', key], value);
  }
  return doc.toString({ lineWidth: 0 });
}
