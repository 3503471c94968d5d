import { containers } from '../../parse/k8s.js';
import { yamlReplace } from '../../fix/yaml-edit.js';
import { splitImageRef } from '../../parse/image-ref.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-013',
    slug: 'image-tag',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Image not pinned to a version',
    rationale: 'With `latest` or no tag, nodes run whatever the tag pointed to when they pulled: replicas diverge, and a rollback redeploys the broken image.',
    fixHint: 'Use an immutable tag (the release version or commit) or a digest.',
    wellArchitected: ['REL08-BP04', 'OPS06-BP01'],
    equivalents: { checkov: ['CKV_K8S_14'], trivy: ['AVD-KSV-0013'], polaris: ['tagNotSpecified'], kubeScore: ['container-image-tag'], kubeLinter: ['latest-tag'] },
    fixable: true,
  },
  check(set, ctx) {
    return each(containers(set, { init: true }), (c) => {
      const image = c.container.image;
      if (typeof image !== 'string' || image.includes('@') || image.includes('$')) return null;
      const { name, tag } = splitImageRef(image);
      const tagged = tag !== null;
      if (tagged && tag !== 'latest') return null;
      const known = ctx.imageTags.get(name);
      const path = [...c.path, 'image'];
      return at(c.obj, path, `container "${c.name}" of ${c.obj.kind}/${c.obj.name} uses ${image}${tagged ? '' : ' (no tag)'}`, known ? () => yamlReplace(c.obj.doc, path, `${name}:${known}`) : undefined);
    });
  },
});
