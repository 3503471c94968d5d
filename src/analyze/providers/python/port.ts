import type { Origin } from '../../facts.js';
import { linesOf, type PythonSource } from './sources.js';

export interface PortFinding {
  port: number;
  origin: Origin;
}

/** Names of settings that hold the app's own port, not a database's or a mail server's. */
const APP_PORT_NAME = /^(API_|APP_|SERVER_|HTTP_|WEB_|SERVICE_|LISTEN_)?PORT$/i;

/**
 * Patterns that give the port a Python server listens on, strongest first. Each regex has
 * one group: the port number. Anything else (DB_PORT, SMTP ports, test servers) is ignored.
 */
const PATTERNS: { re: RegExp; reason: string; weight: number }[] = [
  { re: /\b(?:uvicorn|hypercorn|waitress)\.(?:run|serve)\([^#]*\bport\s*=\s*(\d{2,5})/, reason: 'server started in code with this port', weight: 0.75 },
  { re: /\b(?:web\.run_app|run_app)\([^#]*\bport\s*=\s*(\d{2,5})/, reason: 'aiohttp run_app port', weight: 0.75 },
  { re: /\bdefine\(\s*["']port["']\s*,\s*default\s*=\s*(\d{2,5})/, reason: 'tornado option "port" default', weight: 0.75 },
  { re: /\b(?:HTTPServer|ThreadingHTTPServer|TCPServer|make_server)\(\s*\(\s*["'][^"']*["']\s*,\s*(\d{2,5})\s*\)/, reason: 'stdlib server bound to this port', weight: 0.75 },
  { re: /\b(?:os\.environ\.get|os\.getenv|environ\.get|getenv)\(\s*["'](?:[A-Z_]*_)?PORT["']\s*,\s*["']?(\d{2,5})["']?\s*\)/, reason: 'PORT environment variable default', weight: 0.75 },
  { re: /\badd_argument\([^)]*["']--port["'][^)]*\bdefault\s*=\s*["']?(\d{2,5})/, reason: '--port option default', weight: 0.7 },
  { re: /(?:\.|\b)run\([^#]*\bport\s*=\s*(\d{2,5})/, reason: 'run(…, port=…)', weight: 0.7 },
  { re: /\.listen\(\s*(\d{2,5})\s*[,)]/, reason: 'server listens on this port', weight: 0.7 },
  { re: /^\s*bind\s*=\s*\[?\s*["'][^"':]*:(\d{2,5})["']/, reason: 'gunicorn bind', weight: 0.8 },
];

/** Every port the sources name for the app's own server, strongest first. */
export function findPorts(sources: readonly PythonSource[]): PortFinding[] {
  const found: PortFinding[] = [];
  for (const s of sources) {
    if (!/port|bind|listen|serve/i.test(s.text)) continue;
    for (const [line, text] of linesOf(s)) {
      if (!/port|bind|listen|serve/i.test(text) || text.trimStart().startsWith('#')) continue;
      const hit = matchLine(text);
      if (hit) {
        const isConfig = /(^|\/)gunicorn\.conf\.py$|(^|\/)settings?\b|config/.test(s.rel);
        found.push({ port: hit.port, origin: { source: isConfig ? 'config' : 'source', file: s.file, line, excerpt: text.trim().slice(0, 200), reason: hit.reason, weight: hit.weight } });
      }
    }
  }
  return found.sort((a, b) => (b.origin.weight ?? 0) - (a.origin.weight ?? 0));
}

function matchLine(text: string): { port: number; reason: string; weight: number } | undefined {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (m && valid(Number(m[1]))) return { port: Number(m[1]), reason: p.reason, weight: p.weight };
  }
  // Settings: `PORT = 8080`, `API_PORT: int = 9000` (pydantic), `"port": 8080` is too vague.
  const setting = /^\s*([A-Za-z_]+)\s*(?::\s*int\s*)?=\s*(\d{2,5})\s*(#.*)?$/.exec(text);
  if (setting && APP_PORT_NAME.test(setting[1]!) && valid(Number(setting[2]))) {
    return { port: Number(setting[2]), reason: `setting ${setting[1]}`, weight: 0.65 };
  }
  return undefined;
}

function valid(port: number): boolean {
  return port >= 80 && port <= 65535;
}
