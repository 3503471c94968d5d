import { Document, visit } from 'yaml';
import { GENERATED_MARKER, type RenderedFile } from '../renderer.js';

/** `owner/repo@<40 hex>` → the release it is (printed as a comment so updates stay readable). */
export type PinnedVersions = ReadonlyMap<string, string>;

/**
 * Typed data → YAML text with the generated-by header. Long scripts print as literal
 * blocks, nothing is folded, and pinned action references carry their version as a comment.
 */
export function yamlFile(path: string, about: string, data: unknown, pinned: PinnedVersions = new Map()): RenderedFile {
  // Repeated values are written out, not as anchors and aliases: CI parsers and people read them better.
  const doc = new Document(data, { aliasDuplicateObjects: false });
  doc.commentBefore = ` ${GENERATED_MARKER} from slipway.yaml: ${about}`;
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && pinned.has(node.value)) node.comment = ` ${pinned.get(node.value)}`;
    },
  });
  return { path, content: doc.toString({ lineWidth: 0, blockQuote: 'literal' }) };
}
