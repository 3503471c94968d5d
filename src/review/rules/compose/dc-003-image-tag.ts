import { splitImageRef } from '../../parse/image-ref.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DC-003',
    slug: 'image-tag',
    target: 'compose',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Compose image not pinned to a version',
    rationale: 'A backing service on `latest` (postgres, redis …) jumps major versions on the next pull: data formats and behaviour change under the app.',
    fixHint: 'Pin the image tag to the major (or exact) version you test with, e.g. `postgres:16`.',
    wellArchitected: ['REL08-BP04'],
    equivalents: {},
  },
  check(doc) {
    const withImage = doc.services.filter((s) => typeof s.body.image === 'string');
    return each(withImage, (s) => {
      const image = String(s.body.image);
      if (image.includes('@') || image.includes('$')) return null;
      const tag = splitImageRef(image).tag ?? '';
      return tag && tag !== 'latest' ? null : { location: at(doc, ['services', s.name, 'image']), message: `service ${s.name} uses ${image}${tag ? '' : ' (no tag)'}` };
    });
  },
});
