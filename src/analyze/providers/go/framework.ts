import type { FactSheet } from '../../facts.js';
import { requires, type GoMod } from './go-mod.js';
import type { GoSource } from './sources.js';

/** Web frameworks by module path, in the order they are preferred when several are required. */
const FRAMEWORKS: [string, string][] = [
  ['gin', 'github.com/gin-gonic/gin'],
  ['echo', 'github.com/labstack/echo'],
  ['fiber', 'github.com/gofiber/fiber'],
  ['chi', 'github.com/go-chi/chi'],
  ['gorilla-mux', 'github.com/gorilla/mux'],
  ['beego', 'github.com/beego/beego'],
  ['iris', 'github.com/kataras/iris'],
  ['fasthttp', 'github.com/valyala/fasthttp'],
  ['httprouter', 'github.com/julienschmidt/httprouter'],
  ['ozzo-routing', 'github.com/go-ozzo/ozzo-routing'],
  ['grpc-gateway', 'github.com/grpc-ecosystem/grpc-gateway'],
  ['connect', 'connectrpc.com/connect'],
  ['grpc', 'google.golang.org/grpc'],
];

/**
 * The framework the main package imports, else the first required one: a module may
 * require a framework its entry point no longer uses.
 */
export function addFramework(mod: GoMod, mainSources: readonly GoSource[], facts: FactSheet): void {
  const candidates = FRAMEWORKS.map(([name, path]) => ({ name, path, req: requires(mod, path) })).filter((c) => c.req);
  const imported = candidates.find((c) => mainSources.some((s) => s.text.includes(`"${c.req!.path}`)));
  const chosen = imported ?? candidates[0];
  if (!chosen) return;
  facts.add('framework', chosen.name, { source: 'manifest', file: mod.file, line: chosen.req!.line, excerpt: chosen.req!.path, reason: imported ? `required and imported by the main package` : `requires ${chosen.req!.path}` });
}
