import type { ReviewInput } from '../input.js';
import { asObject, containers } from '../parse/k8s.js';

/** image name → a tag the repository pins it to somewhere (not `latest`), for tag-pinning fixes. */
export function collectImageTags(input: ReviewInput): Map<string, string> {
  const tags = new Map<string, string>();
  const add = (image: unknown): void => {
    if (typeof image !== 'string' || image.includes('$') || image.includes('@')) return;
    const colon = image.lastIndexOf(':');
    if (colon <= image.lastIndexOf('/')) return;
    const tag = image.slice(colon + 1);
    if (tag && tag !== 'latest' && !tags.has(image.slice(0, colon))) tags.set(image.slice(0, colon), tag);
  };
  for (const d of input.dockerfiles) for (const s of d.stages) if (!s.fromStage) add(s.image);
  for (const set of input.k8sSets) for (const c of containers(set, { init: true })) add(c.container.image);
  for (const c of input.composes) for (const s of c.services) add(asObject(s.body)?.image);
  return tags;
}
