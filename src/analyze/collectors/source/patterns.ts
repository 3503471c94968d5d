/** Source patterns per language. Each is a regular expression over file text; nothing is executed. */

/** A pattern and a literal it cannot match without: files lacking the literal skip the regex. */
export interface Pattern {
  /** One literal (or any of several) the text must contain for the pattern to be tried. */
  anchor: string | readonly string[];
  re: RegExp;
}

export function hasAnchor(text: string, anchor: Pattern['anchor']): boolean {
  return typeof anchor === 'string' ? text.includes(anchor) : anchor.some((a) => text.includes(a));
}

/** Environment variable reads; group 1 is the name. */
export const ENV_READS: readonly Pattern[] = [
  { anchor: 'process.env', re: /process\.env\.([A-Za-z_][A-Za-z0-9_]*)/g },
  { anchor: 'process.env[', re: /process\.env\[\s*['"`]([A-Za-z_][A-Za-z0-9_]*)['"`]\s*\]/g },
  { anchor: 'import.meta.env', re: /import\.meta\.env\.([A-Z_][A-Z0-9_]*)/g },
  { anchor: 'environ[', re: /os\.environ\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]/g },
  { anchor: ['os.environ', 'os.getenv'], re: /os\.(?:environ\.get|getenv|environ\.setdefault)\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]/g },
  { anchor: ['env(', 'env.'], re: /\benv(?:\.(?:str|int|bool|list|url|db|float|json))?\(\s*['"]([A-Z_][A-Z0-9_]*)['"]/g },
  { anchor: ['ENV[', 'ENV.fetch'], re: /\bENV(?:\.fetch\(\s*|\[\s*)['"]([A-Za-z_][A-Za-z0-9_]*)['"]/g },
  { anchor: ['os.Getenv', 'os.LookupEnv'], re: /os\.(?:Getenv|LookupEnv)\(\s*"([A-Za-z_][A-Za-z0-9_]*)"/g },
  { anchor: ['getenv', '$_ENV['], re: /\b(?:getenv|\$_ENV\[)\s*\(?\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]/g },
  { anchor: 'System.getenv', re: /System\.getenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"/g },
  { anchor: 'GetEnvironmentVariable', re: /Environment\.GetEnvironmentVariable\(\s*"([A-Za-z_][A-Za-z0-9_]*)"/g },
];

/** `const { A, B: b } = process.env`: every destructured name. */
export const ENV_DESTRUCTURE = /(?:const|let|var)\s*\{([^}]{1,400})\}\s*=\s*process\.env\b/g;

/** Built-in variables of bundlers that are not configuration. */
export const BUILTIN_ENV = new Set(['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

/** Listening ports; group 1 (and any later number groups) are candidates. */
export const PORT_LITERALS: readonly (Pattern & { reason: string })[] = [
  { anchor: 'listen(', re: /\.listen\(\s*(\d{2,5})\s*[,)]/g, reason: 'listens on a literal port' },
  { anchor: 'listen(', re: /\blisten\(\s*\{[^}]{0,200}?\bport\s*:\s*(?:[^,}]*?(?:\|\||\?\?)\s*)?['"]?(\d{2,5})/g, reason: 'listen({ port })' },
  { anchor: '.run(', re: /\b(?:app|application|server)\.run\([^)]{0,200}?\bport\s*=\s*(\d{2,5})/g, reason: 'app.run(port=…)' },
  { anchor: 'uvicorn.run(', re: /\buvicorn\.run\([^)]{0,300}?\bport\s*=\s*(\d{2,5})/g, reason: 'uvicorn.run(port=…)' },
  { anchor: 'ListenAndServe', re: /ListenAndServe(?:TLS)?\(\s*"[^"]*:(\d{2,5})"/g, reason: 'http.ListenAndServe' },
  { anchor: '":', re: /\.(?:Run|Start|Listen)\(\s*"[^"]*:(\d{2,5})"/g, reason: 'listens on an address literal' },
  { anchor: 'Addr', re: /\bAddr\s*:\s*"[^"]*:(\d{2,5})"/g, reason: 'http.Server Addr' },
  { anchor: 'ENV.fetch', re: /\bport\s+ENV\.fetch\(\s*['"]PORT['"]\s*\)\s*\{\s*(\d{2,5})\s*\}/g, reason: 'puma port ENV.fetch("PORT") { … }' },
];

/** `PORT || 3000`, `getenv("PORT", 8000)`, `const PORT = … 3000`: the default when PORT is unset. */
export const PORT_DEFAULTS: readonly Pattern[] = [
  { anchor: 'PORT', re: /\bPORT['"`\]]?\s*\)?\s*(?:\|\||\?\?|or)\s*\(?\s*([^;\n]{1,80})/g },
  { anchor: 'PORT', re: /(?:getenv|environ\.get|ENV\.fetch)\(\s*['"]PORT['"]\s*,\s*['"]?(\d{2,5})/g },
  { anchor: ['PORT', 'port', 'Port'], re: /\b(?:const|let|var|val)\s+(?:PORT|port|HTTP_PORT|SERVER_PORT|DEFAULT_PORT|APP_PORT|httpPort|serverPort)\s*(?::\s*\w+\s*)?=\s*([^;\n]{1,120})/g },
  { anchor: 'PORT', re: /^\s*(?:PORT|DEFAULT_PORT|SERVER_PORT)\s*=\s*([^\n#]{1,80})/gm },
];

/** Cheap pre-check for HEALTH_ROUTE. */
export const HEALTH_HINT = /health|ping|livez|readyz/i;
/** Health endpoints declared as routes; group 1 is the path without its leading slash. */
export const HEALTH_ROUTE = /(?:\.(?:get|route|all|head|use)\(\s*|\bpath\(\s*r?|\bpath\s*:\s*|\burl\s*===?\s*|req\.url\s*===?\s*|@(?:Get|GetMapping|RequestMapping|app\.get|router\.get|app\.route|api_view)\(\s*(?:value\s*=\s*)?|HandleFunc\(\s*|\bHandle\(\s*|\bGET\s*\(\s*|\bget\s+)['"`]\/?((?:api\/)?(?:v\d+\/)?(?:healthz|health|health-check|healthcheck|livez|readyz|ping))\/?['"`]/g;

/** A connection guarded by its variable (`if (process.env.REDIS_URL)`, `if not os.getenv("X"):`): an optional feature. */
export const ENV_GUARDS: readonly Pattern[] = [
  { anchor: 'process.env', re: /\bif\s*\(\s*!?\s*process\.env\.([A-Z][A-Z0-9_]*)\s*(?:\)|&&|\|\|)/g },
  { anchor: 'os.', re: /\bif\s+(?:not\s+)?os\.(?:environ\.get|getenv)\(\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\)\s*:/g },
  { anchor: 'ENV', re: /\b(?:if|unless)\s+ENV\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g },
  { anchor: 'os.Getenv', re: /\bif\s+os\.Getenv\(\s*"([A-Z][A-Z0-9_]*)"\s*\)\s*[!=]=\s*""/g },
];
