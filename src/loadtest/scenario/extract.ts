/**
 * Values taken from a response for later requests: a JSON path ("data.items[0].id",
 * "$.token"), a response header, or the first group of a regular expression over the body.
 */
export type Extraction =
  | { var: string; from: 'json'; path: (string | number)[] }
  | { var: string; from: 'header'; name: string }
  | { var: string; from: 'regex'; pattern: string };

/** "data.items[0].id" → ["data", "items", 0, "id"]; null when malformed. */
export function parseJsonPath(expr: string): (string | number)[] | null {
  const body = expr.replace(/^\$\.?/, '');
  if (body === '') return [];
  const out: (string | number)[] = [];
  for (const segment of body.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(segment);
    if (!m || (m[1] === '' && m[2] === '')) return null;
    if (m[1]) out.push(m[1]);
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** An extraction as a worker applies it to every response: header name lower-cased, regex compiled, once. */
export type CompiledExtraction =
  | Exclude<Extraction, { from: 'regex' }>
  | { var: string; from: 'regex'; regex: RegExp };

export function compileExtraction(x: Extraction): CompiledExtraction {
  if (x.from === 'header') return { ...x, name: x.name.toLowerCase() };
  // Without the g or y flag, exec keeps no state between responses: one instance serves all.
  if (x.from === 'regex') return { var: x.var, from: 'regex', regex: new RegExp(x.pattern) };
  return x;
}

export interface ResponseView {
  headers: Record<string, string>;
  body: string;
}

/** The extracted value, or null when the response does not hold it. */
export function extractValue(x: CompiledExtraction, res: ResponseView, parseJson: () => unknown): string | null {
  if (x.from === 'header') return res.headers[x.name] ?? null;
  if (x.from === 'regex') {
    const m = x.regex.exec(res.body);
    return m ? (m[1] ?? m[0]) : null;
  }
  let node: unknown = parseJson();
  for (const key of x.path) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (node === undefined || node === null) return null;
  return typeof node === 'object' ? JSON.stringify(node) : String(node);
}
