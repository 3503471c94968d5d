import type { Origin } from '../../facts.js';
import type { GoSource } from './sources.js';

export interface PortFinding {
  port: number;
  origin: Origin;
  /** The address binds loopback only: unreachable from outside a container. */
  loopback: boolean;
}

const ADDR = '"(?:(localhost|127\\.0\\.0\\.1)|[\\w.]*)?:(\\d{2,5})"';
/** Ports of other servers an app talks to or exposes besides its HTTP listener. */
const NOT_HTTP = /\b\w*(pg|db|database|postgres|mysql|redis|smtp|mail|grpc|metrics|pprof|debug|admin)\w*\b/i;

/** Strongest first; each regex captures (loopback host?, port) or (port). */
const PATTERNS: { re: RegExp; reason: string; weight: number }[] = [
  { re: new RegExp(`\\b(?:ListenAndServe|ListenAndServeTLS|Run|RunTLS|Start|Listen|Serve)\\(\\s*${ADDR}`), reason: 'server listens on this address', weight: 0.75 },
  { re: new RegExp(`\\bAddr\\s*[:=]\\s*${ADDR}`), reason: 'http.Server Addr', weight: 0.75 },
  { re: /\bflag\.(?:Int|Uint|IntVar|UintVar)\([^)]*"(?:port|http-port|listen|http_port)"\s*,\s*(\d{2,5})/, reason: 'command-line flag default', weight: 0.7 },
  { re: new RegExp(`\\bflag\\.(?:String|StringVar)\\([^)]*"(?:addr|address|listen|bind|http|http-addr|port)"\\s*,\\s*${ADDR}`), reason: 'command-line flag default', weight: 0.7 },
  { re: /\b\w*[Pp]ort\w*\s+\w+\s+`[^`]*default:"(\d{2,5})"/, reason: 'option default (struct tag)', weight: 0.7 },
  { re: /`[^`]*long:"(?:port|listen|http-port)"[^`]*default:"(\d{2,5})"/, reason: 'option default (struct tag)', weight: 0.7 },
  { re: /\b[Pp]ort\s*:?=\s*"(\d{2,5})"/, reason: 'port fallback', weight: 0.65 },
  { re: /\b(?:[Dd]efault)?(?:[Hh]ttp|[Ss]erver|[Aa]pp|[Ll]isten|[Ww]eb)?[Pp]ort\s*(?:int\s*)?=\s*(\d{2,5})\b/, reason: 'port constant', weight: 0.6 },
];

/** Ports the Go sources listen on, main packages first, strongest pattern first. */
export function findPorts(sources: readonly GoSource[], mainPkg: string | undefined): PortFinding[] {
  const found: PortFinding[] = [];
  for (const s of sources) {
    if (!/port|Port|Listen|Addr|Run\(|Start\(|Serve/.test(s.text)) continue;
    s.lines.forEach((text, i) => {
      const trimmed = text.trim();
      if (trimmed.startsWith('//') || !/port|Port|Listen|Addr|Run|Start|Serve|flag/.test(text)) return;
      for (const p of PATTERNS) {
        const m = p.re.exec(text);
        if (!m) continue;
        const port = Number(m[m.length - 1]);
        if (port < 80 || port > 65535 || NOT_HTTP.test(text)) continue;
        // The main package's own listen call, or an option that says it is the HTTP listener
        // (pgweb: `HTTPPort … long:"listen"` beside the database's `Port … default:"5432"`).
        const bonus = (s.pkg === mainPkg ? 0.05 : 0) + (/http|listen|web/i.test(text) ? 0.05 : 0);
        found.push({ port, loopback: m.length > 2 && !!m[1], origin: { source: 'source', file: s.file, line: i + 1, excerpt: trimmed.slice(0, 200), reason: p.reason, weight: p.weight + bonus } });
        return;
      }
    });
  }
  return found.sort((a, b) => (b.origin.weight ?? 0) - (a.origin.weight ?? 0));
}
