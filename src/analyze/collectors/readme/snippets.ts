import { parseDocument } from 'yaml';
import { containerPort, envOf, type ComposeService } from '../compose.js';
import { readmeOrigin, type ReadmeContext } from './types.js';
import { serviceOfImage } from './docker-run.js';

/**
 * Compose snippets pasted into a README (```yaml services: …```): the app service's container
 * port and variables, and backing services by image.
 */
export function addReadmeComposeSnippets(ctx: ReadmeContext): void {
  const { facts, view } = ctx;
  for (const b of view.otherBlocks) {
    if (!/^(ya?ml|compose|docker-compose)$/.test(b.lang) || !/^\s*services\s*:/m.test(b.text)) continue;
    let services: Record<string, ComposeService> | undefined;
    try {
      services = (parseDocument(b.text).toJS() as { services?: Record<string, ComposeService> } | null)?.services;
    } catch {
      continue;
    }
    if (!services || typeof services !== 'object') continue;
    for (const [name, svc] of Object.entries(services)) {
      if (!svc || typeof svc !== 'object') continue;
      const image = typeof svc.image === 'string' ? svc.image : '';
      const service = serviceOfImage(image);
      const origin = (reason: string) => readmeOrigin(view, b.line, `${name}: ${image || 'build'}`, reason, 0.55);
      if (service) {
        facts.addService(service.type, { ...origin(`README compose snippet runs ${image}`), ...(service.version ? { version: service.version } : {}) });
        continue;
      }
      for (const p of Array.isArray(svc.ports) ? svc.ports : []) {
        const port = containerPort(p);
        if (port) facts.add('port', port, origin(`README compose snippet maps container port ${port}`));
      }
      for (const [n] of envOf(svc.environment)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) facts.addEnv(n, {}, origin(`README compose snippet sets ${n}`));
    }
  }
}
