import { asObject, type Json } from './k8s.js';
import type { YamlDoc } from './yaml.js';

export interface ComposeService {
  name: string;
  body: Json;
}

/** A compose file (compose.yaml, docker-compose.yml …). */
export interface ComposeDoc {
  doc: YamlDoc;
  services: ComposeService[];
}

export function toComposeDoc(doc: YamlDoc): ComposeDoc | undefined {
  const services = asObject(asObject(doc.value)?.services);
  if (!services) return undefined;
  return {
    doc,
    services: Object.entries(services).flatMap(([name, body]) => {
      const b = asObject(body);
      return b ? [{ name, body: b }] : [];
    }),
  };
}

/** `environment:` as a map whether written as a map or as a `KEY=value` list. */
export function composeEnvironment(svc: Json): Map<string, string | null> {
  const env = svc.environment;
  const out = new Map<string, string | null>();
  if (Array.isArray(env)) {
    for (const item of env) {
      const s = String(item);
      const eq = s.indexOf('=');
      out.set(eq < 0 ? s : s.slice(0, eq), eq < 0 ? null : s.slice(eq + 1));
    }
  } else if (env && typeof env === 'object') {
    for (const [k, v] of Object.entries(env)) out.set(k, v === null || v === undefined ? null : String(v));
  }
  return out;
}
