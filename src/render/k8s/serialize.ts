import { Document } from 'yaml';
import { GENERATED_MARKER } from '../renderer.js';

/** Objects → one YAML file, `---` between documents, the generated marker on top. */
export function yamlFile(objects: readonly object[], about: string): string {
  const docs = objects.map((o) => new Document(o, { aliasDuplicateObjects: false }).toString({ lineWidth: 0 }).trimEnd());
  return `# ${GENERATED_MARKER} from slipway.yaml: ${about}\n${docs.join('\n---\n')}\n`;
}
