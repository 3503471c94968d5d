import { z } from 'zod';

/**
 * Where a piece of evidence was read. Ordered from most to least authoritative: the
 * analyzer's default precedence (see docs/analyzer.md) follows this order.
 */
export const EVIDENCE_SOURCES = [
  'user', // slipway.yaml, edited by a person: always wins
  'procfile',
  'manifest', // package.json, pyproject.toml, pom.xml, go.mod …
  'lockfile',
  'dockerfile',
  'compose',
  'config', // framework config files: application.properties, settings.py, next.config.js …
  'source', // app.listen(3000), os.environ["X"] …
  'env-example',
  'readme',
  'convention', // framework defaults: Django on 8000, Spring Boot on 8080 …
] as const;
export const EvidenceSource = z.enum(EVIDENCE_SOURCES);
export type EvidenceSource = z.infer<typeof EvidenceSource>;

export const Evidence = z
  .strictObject({
    source: EvidenceSource,
    file: z.string().optional().describe('Path relative to the repository root'),
    line: z.number().int().min(1).optional(),
    excerpt: z.string().optional().describe('The text that was read, trimmed to one line'),
    value: z.unknown().optional().describe('The value this piece of evidence supports'),
    reason: z.string().optional().describe('Why this evidence points at the value, e.g. "package.json > scripts > start"'),
  })
  .describe('One place in the repository that supports (or contradicts) a value');
export type Evidence = z.infer<typeof Evidence>;

export const FieldEvidence = z
  .strictObject({
    confidence: z.number().min(0).max(1),
    evidence: z.array(Evidence).describe('The winning evidence first, then every other candidate that was seen'),
  })
  .describe('How a value was decided');
export type FieldEvidence = z.infer<typeof FieldEvidence>;
