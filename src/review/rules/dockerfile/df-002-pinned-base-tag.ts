import { defineRule, each } from '../../rule.js';
import { at, rawText } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-002',
    slug: 'pinned-base-tag',
    target: 'dockerfile',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Base image is not pinned to a version',
    rationale:
      'An untagged or `latest` base image changes under you: two builds of the same commit produce different images, and a new major version can break the app without any change in the repository.',
    fixHint: 'Name an explicit version tag (`node:20.18-bookworm-slim`) or a digest (`@sha256:…`).',
    wellArchitected: ['REL08-BP04', 'OPS05-BP03'],
    equivalents: { hadolint: ['DL3006', 'DL3007'], checkov: ['CKV_DOCKER_7'], trivy: ['AVD-DS-0001'] },
    fixable: true,
  },
  check(doc, ctx) {
    const stages = doc.stages.filter((s) => !s.fromStage && s.image.toLowerCase() !== 'scratch');
    return each(stages, (s) => {
      if (s.digest || (s.tag && s.tag !== 'latest')) return null;
      if (s.image.includes('$')) return null;
      const known = ctx.imageTags.get(s.imageName);
      const fix = known
        ? () => {
            const text = rawText(doc, s.from);
            const i = text.indexOf(s.image);
            if (i < 0) return [];
            return [{ file: doc.source.path, start: s.from.start + i, end: s.from.start + i + s.image.length, text: `${s.imageName}:${known}` }];
          }
        : undefined;
      return at(doc, s.from, `FROM ${s.image} is not pinned to a version${known ? ` (the repository uses ${s.imageName}:${known} elsewhere)` : ''}`, fix);
    });
  },
});
