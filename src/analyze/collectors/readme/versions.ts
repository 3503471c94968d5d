import { majorForRange } from '../../providers/node/runtime-version.js';
import type { ProviderId } from '../../provider.js';
import { readmeOrigin, type ReadmeContext } from './types.js';

const RUNTIME_NAMES: Partial<Record<ProviderId, RegExp>> = {
  node: /\b(?:node(?:\.?js)?|nvm (?:use|install))\s*(?:v(?:ersion)?\s*)?(>=|≥|\^|~)?\s*v?(\d{1,2}(?:\.\d+){0,2})(\+| or (?:later|higher|newer|above)| and (?:above|up|later))?/i,
  python: /\bpython\s*(>=|≥|\^|~)?\s*(3\.\d{1,2}(?:\.\d+)?)(\+| or (?:later|higher|newer|above)| and (?:above|up|later))?/i,
  ruby: /\bruby\s*(>=|≥|\^|~)?\s*v?(\d\.\d(?:\.\d+)?)(\+| or (?:later|higher|newer|above)| and (?:above|up|later))?/i,
  go: /\bgo(?:lang)?\s*(>=|≥|\^|~)?\s*v?(1\.\d{1,2}(?:\.\d+)?)(\+| or (?:later|higher|newer|above)| and (?:above|up|later))?/i,
  jvm: /\b(?:java|jdk|openjdk)\s*(>=|≥|\^|~)?\s*v?(\d{1,2})(\+| or (?:later|higher|newer|above)| and (?:above|up|later))?\b/i,
  dotnet: /\.net(?: core)?\s*(?:sdk\s*)?(>=|≥|\^|~)?\s*(\d{1,2}(?:\.\d)?)(\+| or (?:later|higher|newer|above)| and (?:above|up|later))?/i,
  php: /\bphp\s*(>=|≥|\^|~)?\s*(\d\.\d(?:\.\d+)?)(\+| or (?:later|higher|newer|above)| and (?:above|up|later))?/i,
};

/** "Node.js 20", "nvm use 18", "Python 3.11+": a version for the component's own runtime only. */
export function addReadmeVersions(ctx: ReadmeContext): void {
  const re = RUNTIME_NAMES[ctx.facts.provider as ProviderId];
  if (!re) return;
  const texts = [...ctx.view.prose.map((p) => ({ text: p.text, line: p.line })), ...ctx.view.shell.map((l) => ({ text: l.text, line: l.line }))];
  for (const t of texts) {
    const m = re.exec(t.text);
    if (!m) continue;
    const [, op, version, atLeast] = m as unknown as [string, string | undefined, string, string | undefined];
    const range = Boolean(op || atLeast);
    const value = range && ctx.facts.provider === 'node' ? majorForRange(`>=${version}`) : version;
    if (!value) continue;
    ctx.facts.add('runtimeVersion', value, readmeOrigin(ctx.view, t.line, t.text, range ? `README asks for ${version} or later` : `README names version ${version}`, 0.45));
  }
}
