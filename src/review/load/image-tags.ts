import type { ReviewInput } from '../input.js';
import { splitImageRef } from '../parse/image-ref.js';
import { asObject, containers } from '../parse/k8s.js';

/** image name → a tag the repository pins it to somewhere (not `latest`), for tag-pinning fixes. */
export function collectImageTags(input: ReviewInput): Map<string, string> {
  const tags = new Map<string, string>();
  const add = (image: unknown): void => {
    if (typeof image !== 'string' || image.includes('$') || image.includes('@')) return;
    const { name, tag } = splitImageRef(image);
    if (tag && tag !== 'latest' && !tags.has(name)) tags.set(name, tag);
  };
  for (const d of input.dockerfiles) for (const s of d.stages) if (!s.fromStage) add(s.image);
  for (const set of input.k8sSets) for (const c of containers(set, { init: true })) add(c.container.image);
  for (const c of input.composes) for (const s of c.services) add(asObject(s.body)?.image);
  return tags;
}
