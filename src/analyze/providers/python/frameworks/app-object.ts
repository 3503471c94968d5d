import type { Origin } from '../../../facts.js';
import { linesOf, moduleOf, type PythonSource } from '../sources.js';

export type ServerInterface = 'wsgi' | 'asgi';

export interface AppObject {
  framework: string;
  iface: ServerInterface;
  /** gunicorn/uvicorn target: "pkg.module:app" or "pkg.module:create_app()". */
  target: string;
  appDir?: string;
  origin: Origin;
}

/** Constructor call → framework and the server interface it speaks. */
const CONSTRUCTORS: { re: RegExp; framework: string; iface: ServerInterface }[] = [
  { re: /^(\w+)\s*(?::\s*\w+\s*)?=\s*(?:flask\.)?Flask\(/, framework: 'flask', iface: 'wsgi' },
  { re: /^(\w+)\s*(?::\s*\w+\s*)?=\s*(?:fastapi\.)?FastAPI\(/, framework: 'fastapi', iface: 'asgi' },
  { re: /^(\w+)\s*(?::\s*\w+\s*)?=\s*(?:quart\.)?Quart\(/, framework: 'quart', iface: 'asgi' },
  { re: /^(\w+)\s*(?::\s*\w+\s*)?=\s*(?:starlette\.applications\.)?Starlette\(/, framework: 'starlette', iface: 'asgi' },
  { re: /^(\w+)\s*(?::\s*\w+\s*)?=\s*(?:litestar\.)?Litestar\(/, framework: 'litestar', iface: 'asgi' },
  { re: /^(\w+)\s*(?::\s*\w+\s*)?=\s*(?:bottle\.)?Bottle\(/, framework: 'bottle', iface: 'wsgi' },
  { re: /^(\w+)\s*(?::\s*\w+\s*)?=\s*falcon\.(?:App|API)\(/, framework: 'falcon', iface: 'wsgi' },
  { re: /^(\w+)\s*(?::\s*\w+\s*)?=\s*falcon\.asgi\.App\(/, framework: 'falcon', iface: 'asgi' },
  { re: /^(\w+)\s*(?::\s*\w+\s*)?=\s*(?:config|configurator)\.make_wsgi_app\(/i, framework: 'pyramid', iface: 'wsgi' },
];

/** Application factories (Flask's create_app pattern): gunicorn calls them. */
const FACTORY = /^def\s+(create_app|make_app)\s*\(\s*(\w+\s*=[^)]*)?\)/;

/** Files conventionally holding the app object, preferred over deeper matches. */
const PREFERRED = /(^|\/)(app|main|wsgi|asgi|server|api|application|__init__)\.py$/;

/**
 * Finds the application object a WSGI/ASGI server should load: a module-level
 * `app = Flask(__name__)` / `FastAPI()` …, or a `create_app()` factory. Top-level
 * assignments only (no indentation), so objects built inside tests or functions don't count.
 */
export function findAppObjects(sources: readonly PythonSource[]): AppObject[] {
  const found: AppObject[] = [];
  for (const s of sources) {
    if (!/\b(Flask|FastAPI|Quart|Starlette|Litestar|Bottle|falcon|make_wsgi_app|create_app|make_app)\b/.test(s.text)) continue;
    const { module, srcLayout } = moduleOf(s.rel);
    const appDir = srcLayout ? { appDir: 'src' } : {};
    let factory: AppObject | undefined;
    for (const [line, text] of linesOf(s)) {
      for (const c of CONSTRUCTORS) {
        const m = c.re.exec(text);
        if (m) found.push({ framework: c.framework, iface: c.iface, target: `${module}:${m[1]}`, ...appDir, origin: origin(s, line, text, `${c.framework} application object`) });
      }
      const f = FACTORY.exec(text);
      if (f && !factory) {
        const framework = /\bFlask\(/.test(s.text) ? 'flask' : /\bFastAPI\(/.test(s.text) ? 'fastapi' : undefined;
        if (framework) factory = { framework, iface: framework === 'fastapi' ? 'asgi' : 'wsgi', target: `${module}:${f[1]}()`, ...appDir, origin: origin(s, line, text, `${framework} application factory`) };
      }
    }
    // A module-level object wins over a factory in the same file (the factory usually builds it).
    if (factory && !found.some((a) => a.origin.file === s.file)) found.push(factory);
  }
  return found.sort((a, b) => rank(a) - rank(b));
}

function rank(a: AppObject): number {
  const file = a.origin.file ?? '';
  return (PREFERRED.test(file) ? 0 : 10) + file.split('/').length;
}

function origin(s: PythonSource, line: number, text: string, reason: string): Origin {
  return { source: 'source', file: s.file, line, excerpt: text.trim().slice(0, 200), reason };
}
