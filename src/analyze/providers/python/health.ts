import type { FactSheet } from '../../facts.js';
import { linesOf, type PythonSource } from './sources.js';

/** Route paths that are health endpoints by convention. */
const HEALTH = '(?:health|healthz|healthcheck|health-check|ping|ready|readyz|livez|status)';
const ROUTE = new RegExp(`\\.(?:route|get|api_route|head)\\(\\s*["'](/(?:api/)?${HEALTH}/?)["']`);
const DJANGO_PATH = new RegExp(`\\b(?:re_)?path\\(\\s*r?["']\\^?((?:api/)?${HEALTH}/?)\\$?["']`);

/** A health route declared in Flask/FastAPI decorators or Django urls. */
const MENTIONS_HEALTH = new RegExp(HEALTH);
const WORDS = ['health', 'ping', 'ready', 'livez', 'status'];

export function addHealthcheck(sources: readonly PythonSource[], facts: FactSheet): void {
  for (const s of sources) {
    if (!WORDS.some((w) => s.text.includes(w)) || !(s.text.includes('route(') || s.text.includes('.get(') || s.text.includes('path('))) continue;
    for (const [line, text] of linesOf(s)) {
      if (!MENTIONS_HEALTH.test(text)) continue;
      const route = ROUTE.exec(text)?.[1] ?? (DJANGO_PATH.exec(text)?.[1] !== undefined ? `/${DJANGO_PATH.exec(text)![1]}` : undefined);
      if (!route) continue;
      facts.add('healthcheck', route, { source: 'source', file: s.file, line, excerpt: text.trim().slice(0, 200), reason: 'health route' });
      return;
    }
  }
}
