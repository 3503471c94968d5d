import type { EvidenceCollector } from '../provider.js';
import { findLine, lineText } from '../parse/manifest.js';
import { evidenceDirs } from './scope.js';

const NGINX_CONF = /(^|\/)(nginx[\w.-]*\.conf|default\.conf|[\w.-]+\.conf\.template)$/;
/** Where repositories keep the nginx config of their static image, relative to the component. */
const MAX_DEPTH = 3;

/**
 * For a static component: the port its own nginx config listens on (the image serves the
 * build with it); without one, the unprivileged-nginx convention of port 8080.
 */
export const nginxCollector: EvidenceCollector = {
  id: 'nginx',
  collect(repo, facts, ctx) {
    if (facts.best('kind') !== 'static') return;
    for (const { dir: root } of evidenceDirs(facts, ctx)) {
      const prefix = root === '.' ? '' : `${root}/`;
      const confs = repo.files().filter((f) => f.startsWith(prefix) && NGINX_CONF.test(f) && f.slice(prefix.length).split('/').length <= MAX_DEPTH && /nginx|conf/.test(f));
      for (const file of confs) {
        if (repo.isGenerated(file)) continue;
        const text = repo.read(file, 64 * 1024) ?? '';
        const m = /^\s*listen\s+(?:[\w.[\]:]*:)?(\d{2,5})\b[^;]*;/m.exec(text);
        if (!m) continue;
        const line = findLine(text, /^\s*listen\s/);
        facts.add('port', Number(m[1]), { source: 'config', file, ...(line ? { line, excerpt: lineText(text, line) } : {}), reason: 'the nginx config of the static site listens here' });
      }
    }
    if (!facts.has('port')) facts.add('port', 8080, { source: 'convention', reason: 'static sites are served by unprivileged nginx on port 8080' });
  },
};
