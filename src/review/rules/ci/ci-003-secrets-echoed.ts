import { asObject } from '../../parse/k8s.js';
import type { CiDoc } from '../../parse/ci.js';
import { defineRule, each } from '../../rule.js';
import { isSecretName } from '../secrets.js';
import { scripts, stepsOf } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-CI-003',
    slug: 'secrets-echoed',
    target: 'ci',
    pillar: 'security',
    severity: 'high',
    title: 'Secret printed to the build log',
    rationale: 'Log masking only catches exact values: an echoed secret that is encoded, split or transformed ends up readable in the build log, kept for months.',
    fixHint: 'Never echo secrets; write them to a file with restricted permissions or pass them as environment to the command that needs them.',
    wellArchitected: ['SEC02-BP03'],
    equivalents: {},
  },
  check(doc) {
    const fromSecrets = secretVariables(doc);
    return each(scripts(doc), (s) => {
      for (const line of s.text.split('\n')) {
        if (!/(^|[;&|(]\s*|\s)(echo|printf|print|cat\s+<<)\b/.test(line)) continue;
        // `::add-mask::` hides a value; `echo "$PW" | docker login --password-stdin` or `> file` prints nothing.
        if (line.includes('::add-mask::') || /\b(echo|printf)\b[^|>]*(\||>)/.test(line)) continue;
        if (/\$\{\{\s*secrets\./.test(line)) return { location: s.location, message: `job ${s.job} prints a secret: ${line.trim().slice(0, 80)}` };
        for (const m of line.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
          const name = m[1]!;
          if (fromSecrets.has(name) || isSecretName(name)) return { location: s.location, message: `job ${s.job} prints ${name}: ${line.trim().slice(0, 80)}` };
        }
      }
      return null;
    });
  },
});

/** Environment variables a GitHub workflow fills from `secrets.*`. */
function secretVariables(doc: CiDoc): Set<string> {
  const out = new Set<string>();
  if (doc.kind !== 'github') return out;
  const scan = (env: unknown): void => {
    for (const [k, v] of Object.entries(asObject(env) ?? {})) if (typeof v === 'string' && v.includes('secrets.')) out.add(k);
  };
  scan(asObject(doc.doc.value)?.env);
  for (const job of doc.jobs) {
    scan(job.body.env);
    for (const step of stepsOf(job)) scan(step.env);
  }
  return out;
}
