import type { Location } from '../../model.js';
import type { ComposeDoc } from '../../parse/compose.js';
import { locate, type YamlPath } from '../../parse/yaml.js';

export function at(doc: ComposeDoc, path: YamlPath): Location {
  const l = locate(doc.doc, path);
  return { file: doc.doc.source.path, line: l.line, column: l.column };
}
