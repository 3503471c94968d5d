/** Markdown building blocks: the runbook is assembled from lines, each section a list of them. */
export const cell = (v: string | number | undefined) => (v === undefined || v === '' ? '–' : String(v).replace(/\|/g, '\\|').replace(/\n/g, ' '));

export function table(headers: string[], rows: (string | number | undefined)[][]): string[] {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), ''];
}

export function code(lines: string[], lang = 'sh'): string[] {
  return ['```' + lang, ...lines, '```', ''];
}

export const section = (title: string, body: string[]): string[] => [`## ${title}`, '', ...body];
export const sub = (title: string, body: string[]): string[] => [`### ${title}`, '', ...body];
export const para = (...sentences: string[]): string[] => [sentences.join(' '), ''];
export const bullets = (items: string[]): string[] => [...items.map((i) => `- ${i}`), ''];
