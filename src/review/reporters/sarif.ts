import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { META_RULES } from '../meta-rules.js';
import type { Finding, RuleMeta, Severity } from '../model.js';
import type { ReviewResult } from '../review.js';
import { ruleDocUrl, TOOL } from './summary.js';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** GitHub code scanning ranks security alerts by this number (0–10). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

/** SARIF 2.1.0, as code-scanning UIs (GitHub, GitLab, Azure DevOps) read it. */
export function formatSarif(result: ReviewResult): string {
  const metas: RuleMeta[] = [...result.rules, ...META_RULES];
  const index = new Map(metas.map((m, i) => [m.id, i]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL.name, version: TOOL.version, semanticVersion: TOOL.version, informationUri: TOOL.informationUri, rules: metas.map(toRule) } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${result.root}/`).href } },
        results: result.findings.map((f) => toResult(f, index.get(f.ruleId))),
        properties: { scores: result.scores },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toRule(m: RuleMeta): Sarif.ReportingDescriptor {
  const equivalents = Object.entries(m.equivalents).map(([tool, ids]) => `${tool}: ${(ids as string[]).join(', ')}`);
  return {
    id: m.id,
    name: m.slug,
    shortDescription: { text: m.title },
    fullDescription: { text: m.rationale },
    help: {
      text: `${m.rationale}\n\nFix: ${m.fixHint}`,
      markdown: [`**${m.title}**`, '', m.rationale, '', `**Fix:** ${m.fixHint}`, '', `Well-Architected: ${m.wellArchitected.join(', ')}`, ...(equivalents.length ? ['', `Equivalent checks: ${equivalents.join('; ')}`] : [])].join('\n'),
    },
    ...(m.target !== 'review' ? { helpUri: ruleDocUrl(m.target, m.id) } : {}),
    defaultConfiguration: { level: LEVEL[m.severity] },
    properties: {
      tags: [m.pillar, m.target],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[m.severity],
      wellArchitected: m.wellArchitected,
      equivalents: m.equivalents,
    },
  };
}

function toResult(f: Finding, ruleIndex: number | undefined): Sarif.Result {
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.location.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.location.line, startColumn: f.location.column },
        },
      },
    ],
    partialFingerprints: { 'slipwayFinding/v1': createHash('sha256').update(`${f.ruleId}|${f.location.file}|${f.message}`).digest('hex').slice(0, 32) },
    ...(f.suppressed
      ? { suppressions: [{ kind: f.suppressed.by === 'file' ? 'external' : 'inSource', status: 'accepted', justification: f.suppressed.reason }] }
      : {}),
    properties: { pillar: f.pillar, severity: f.severity, fixable: f.fixable },
  };
}
