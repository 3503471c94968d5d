import { asPort } from '../commands/port-args.js';
import { DEV_CONTEXT } from './classify.js';
import { parseDockerRun, serviceOfImage } from './docker-run.js';
import { readmeOrigin, type ReadmeContext } from './types.js';

/** Default ports of backing services and tools: a README naming them is not naming the app's port. */
const OTHER_SERVICE_PORTS = new Set([5432, 6379, 27017, 3306, 5672, 15672, 9200, 9300, 11211, 2181, 9092, 9000, 9001, 1025, 8025, 5555, 22, 443]);
const LOCAL_URL = /(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1?\]|host\.docker\.internal):(\d{2,5})\b/g;
const PORT_ASSIGNMENT = /\bPORT\s*=\s*['"]?(\d{2,5})\b/;
const PORT_PROSE = /\b(?:listens?|listening|runs?|running|served|serves|serving|available|exposed?|bound|binds?)\b[^.\n]{0,40}?\bport\s*`?(\d{2,5})`?|\bport\s+(?:number\s+)?`?(\d{2,5})`?|\blisten(?:s|ing)?\s+on\s+`?(\d{2,5})\b/i;
/**
 * `docker run -p host:container` documents what the published image listens on: above a
 * default in the source (0.7), which the image's environment may override, below EXPOSE (0.85).
 */
const DOCKER_RUN_WEIGHT = 0.75;
const DEV_LINE = /\b(npm run dev|yarn dev|pnpm dev|vite|webpack|dev server|hot reload|development)\b/i;

/**
 * Ports a README names: the container side of `docker run -p`, local URLs, `PORT=…`, "listens
 * on port …". URLs right after a development command (or in a development section) are dev
 * servers and weigh less; for a static site only `docker run -p` counts (its dev server's port
 * says nothing about the served files).
 */
export function addReadmePorts(ctx: ReadmeContext): void {
  const { facts, view } = ctx;
  const isStatic = facts.best('kind') === 'static';
  const add = (port: number | undefined, line: number, excerpt: string, reason: string, weight: number) => {
    if (!port || OTHER_SERVICE_PORTS.has(port)) return;
    facts.add('port', port, readmeOrigin(view, line, excerpt, reason, weight));
  };
  for (const l of view.shell) {
    const run = parseDockerRun(l.text);
    if (run) {
      if (!serviceOfImage(run.image)) for (const p of run.containerPorts) add(p, l.line, l.text, `README docker run publishes container port ${p}`, DOCKER_RUN_WEIGHT);
      continue;
    }
    const devLine = isDevLine(l.text);
    if (isStatic) continue;
    const assigned = PORT_ASSIGNMENT.exec(l.text);
    if (assigned) add(Number(assigned[1]), l.line, l.text, 'README sets PORT', 0.6);
    for (const m of l.text.matchAll(LOCAL_URL)) add(Number(m[1]), l.line, l.text, 'README URL on this machine', devLine ? 0.35 : 0.5);
  }
  if (isStatic) return;
  const devSections = new Set(view.shell.filter((l) => isDevLine(l.text)).map((l) => l.section));
  const texts = [...view.prose.map((p) => ({ text: p.text, line: p.line, section: p.section }))];
  for (const t of texts) {
    const dev = DEV_CONTEXT.test(t.section) || DEV_LINE.test(t.text) || (devSections.has(t.section) && !prodSection(t.section));
    for (const m of t.text.matchAll(LOCAL_URL)) add(Number(m[1]), t.line, t.text, 'README URL on this machine', dev ? 0.35 : 0.55);
    const prose = PORT_PROSE.exec(t.text.replace(/`/g, ''));
    if (prose) add(asPort(prose[1] ?? prose[2] ?? prose[3] ?? ''), t.line, t.text, 'README names the port', dev ? 0.35 : 0.5);
    const assigned = PORT_ASSIGNMENT.exec(t.text);
    if (assigned) add(Number(assigned[1]), t.line, t.text, 'README sets PORT', 0.55);
  }
}

/** A development command or a line about development (its URLs are a dev server's). */
function isDevLine(text: string): boolean {
  return DEV_LINE.test(text) || /^(npm|yarn|pnpm|bun) (run )?(dev|serve|watch)/.test(text);
}

function prodSection(section: string): boolean {
  return /\b(production|deploy|docker|self.?host)/i.test(section);
}
