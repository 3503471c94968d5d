import pc from 'picocolors';
import type { AnalyzedProject } from '../project/load.js';
import type { Evidence, FieldEvidence } from '../spec/evidence.js';

const SHOWN_FIELDS = [
  'kind', 'language', 'runtime', 'runtimeVersion', 'packageManager', 'framework',
  'commands.install', 'commands.build', 'commands.test', 'commands.start', 'commands.release', 'port', 'healthcheck', 'staticDir', 'installDevDependencies',
];

/** Human output of `slipway analyze`: each decision with its evidence, then what is undecided. */
export function printAnalysis(a: AnalyzedProject, out: NodeJS.WritableStream): void {
  const w = (s = '') => out.write(`${s}\n`);
  w(`${pc.bold(a.spec.name)}: ${a.spec.components.length} component(s)${a.hadSpecFile ? ' (slipway.yaml values win)' : ''}`);
  for (const c of a.spec.components) {
    w();
    w(`${pc.bold(pc.cyan(c.name))} ${pc.dim(`(${c.path}, ${c.kind})`)}`);
    for (const field of SHOWN_FIELDS) {
      const value = field.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], c);
      if (value === undefined) continue;
      w(`  ${field.padEnd(18)} ${String(value)}${describe(c.evidence?.[field])}`);
    }
    for (const e of c.env) {
      w(`  ${'env'.padEnd(18)} ${e.name}${e.required ? ' (required)' : ''}${e.secret ? ' (secret)' : ''}${describe(c.evidence?.[`env.${e.name}`])}`);
    }
    for (const s of c.services) {
      w(`  ${'service'.padEnd(18)} ${s.type}${s.version ? ` ${s.version}` : ''}${describe(c.evidence?.[`services.${s.type}`])}`);
    }
  }
  if (a.result.unresolved.length) {
    w();
    w(pc.yellow('Could not decide:'));
    for (const u of a.result.unresolved) w(`  ${u.component}.${u.field}: ${u.hint}`);
  }
  const notes = a.result.notes.filter((n) => n.level !== 'info');
  if (notes.length) {
    w();
    w(pc.yellow('Notes:'));
    for (const n of notes) {
      const where = n.file ? `${n.file}${n.line ? `:${n.line}` : ''}: ` : '';
      w(`  ${n.level === 'error' ? pc.red(n.level) : n.level} ${where}${n.message}${n.hint ? pc.dim(` (${n.hint})`) : ''}`);
    }
  }
}

function describe(fe: FieldEvidence | undefined): string {
  if (!fe?.evidence.length) return '';
  const [first, ...others] = fe.evidence;
  const conflicts = others.filter((e) => JSON.stringify(e.value) !== JSON.stringify(first!.value));
  const alt = conflicts.length ? pc.yellow(` — also seen: ${conflicts.map((e) => `${JSON.stringify(e.value)} in ${where(e)}`).join('; ')}`) : '';
  return pc.dim(`  ← ${where(first!)} [${fe.confidence.toFixed(2)}]`) + alt;
}

function where(e: Evidence): string {
  const loc = e.file ? `${e.file}${e.line ? `:${e.line}` : ''}` : e.source;
  return e.reason ? `${loc} (${e.reason})` : loc;
}
