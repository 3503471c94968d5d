import type { GateResult } from '../gate.js';
import type { ReviewResult } from '../review.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatReport(result: ReviewResult, format: ReportFormat, gate?: GateResult): string {
  switch (format) {
    case 'text': return formatText(result, gate);
    case 'json': return formatJson(result, gate);
    case 'sarif': return formatSarif(result);
    case 'markdown': return formatMarkdown(result, gate);
  }
}
