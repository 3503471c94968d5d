import { filesIn } from './dir-index.js';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import type { FactSheet, Origin } from '../facts.js';
import type { EvidenceCollector } from '../provider.js';
import type { RepoView } from '../repo.js';
import { interpretStart } from './commands/start-command.js';
import { evidenceDirs } from './scope.js';

const DOCKERFILE = /^(Dockerfile|Containerfile)(\.[\w-]+)?$|\.(Dockerfile|Containerfile)$/i;
/** Development and test images describe another process than production. */
const NOT_PRODUCTION = /(^|[.-])(dev|development|test|tests|ci|local|debug)([.-]|$)/i;
const RUNTIME_IMAGES: Record<string, RegExp> = {
  node: /^(node|library\/node)$/, bun: /^oven\/bun$/, python: /^(python|library\/python)$/, ruby: /^(ruby|library\/ruby)$/, go: /^(golang|library\/golang)$/,
  jvm: /^(eclipse-temurin|openjdk|amazoncorretto|maven|gradle)$/, php: /^(php|library\/php)$/, dotnet: /^mcr\.microsoft\.com\/dotnet\/(sdk|aspnet|runtime)$/, rust: /^(rust|library\/rust)$/,
};

/**
 * An existing Dockerfile (production variants only): the final stage's EXPOSE, ENV names,
 * ENTRYPOINT + CMD as the start command (exec form flattened, init wrappers dropped), and the
 * runtime version from the base image tag.
 */
export const dockerfileCollector: EvidenceCollector = {
  id: 'dockerfile',
  collect(repo, facts, ctx) {
    for (const { dir: d } of evidenceDirs(facts, ctx)) {
      for (const sub of ['', 'build', 'docker', 'deploy', '.docker']) {
        const dir = [d === '.' ? '' : d, sub].filter(Boolean).join('/') || '.';
        for (const name of filesIn(repo, dir).filter((f) => DOCKERFILE.test(f) && !NOT_PRODUCTION.test(f.replace(/Dockerfile|Containerfile/i, '')))) {
          readDockerfile(repo, facts, dir === '.' ? name : `${dir}/${name}`);
        }
      }
    }
  },
};

function readDockerfile(repo: RepoView, facts: FactSheet, file: string): void {
  const text = repo.read(file, 256 * 1024);
  if (text === null || repo.isGenerated(file)) return;
  const doc = DockerfileParser.parse(text);
  const all = doc.getInstructions();
  const lastFrom = all.map((i) => i.getKeyword()).lastIndexOf('FROM');
  const final = all.slice(Math.max(0, lastFrom));
  const origin = (i: Instruction, reason: string): Origin => ({ source: 'dockerfile', file, line: i.getRange().start.line + 1, excerpt: text.split('\n')[i.getRange().start.line]?.trim().slice(0, 200) ?? '', reason });
  for (const i of final) {
    const kw = i.getKeyword();
    if (kw === 'EXPOSE') {
      const port = Number(/^(\d{2,5})/.exec(i.getArguments()[0]?.getValue() ?? '')?.[1]);
      if (port) facts.add('port', port, origin(i, 'EXPOSE'));
    }
    if (kw === 'ENV') {
      for (const arg of i.getArguments()) {
        const name = arg.getValue().split('=')[0]!;
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) facts.addEnv(name, {}, origin(i, `ENV ${name}`));
      }
    }
  }
  const entry = [...final].reverse().find((i) => i.getKeyword() === 'ENTRYPOINT');
  const cmd = [...final].reverse().find((i) => i.getKeyword() === 'CMD');
  const words = [...(entry ? argv(entry) : []), ...(cmd ? argv(cmd) : [])];
  const start = dropPassThrough(repo, file, dropInit(words)).join(' ');
  if (start) {
    const meaning = interpretStart(start, repo, facts.dir);
    facts.add('commands.start', meaning?.start ?? start, origin((cmd ?? entry)!, 'ENTRYPOINT + CMD of the final stage'));
  }
  const runtime = facts.best('runtime');
  const pattern = runtime ? RUNTIME_IMAGES[runtime] : undefined;
  for (const from of doc.getFROMs()) {
    const tag = from.getImageTag();
    const version = tag ? /^v?(\d+(?:\.\d+){0,2})/.exec(tag)?.[1] : undefined;
    if (pattern?.test(from.getImageName() ?? '') && version) {
      facts.add('runtimeVersion', version, origin(from, `base image ${from.getImageName()}:${tag}`));
      break;
    }
  }
}

/** Exec form (JSON array) or shell form of CMD/ENTRYPOINT as words. */
function argv(i: Instruction): string[] {
  const raw = i.getArgumentsContent() ?? '';
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // shell form
  }
  return raw.split(/\s+/).filter(Boolean);
}

/** `./docker-entrypoint.sh node x.js` where the script ends in `exec "$@"`: the script only prepares; `node x.js` runs. */
function dropPassThrough(repo: RepoView, dockerfile: string, words: string[]): string[] {
  const [head, ...rest] = words;
  if (!head || !rest.length || !/\.sh$|\/(entrypoint|docker-entrypoint|start|run)$/.test(head)) return words;
  const name = head.split('/').pop()!;
  const here = dockerfile.includes('/') ? dockerfile.slice(0, dockerfile.lastIndexOf('/') + 1) : '';
  const script = repo.read(`${here}${head.replace(/^\.\//, '')}`) ?? repo.read(repo.files().find((f) => f.endsWith(`/${name}`) || f === name) ?? '');
  return script && /exec\s+"?\$(@|\{@\})"?/.test(script) ? rest : words;
}

/** `tini -- node x.js`, `dumb-init node x.js`: the init wrapper dropped. */
export function dropInit(words: string[]): string[] {
  const init = /(^|\/)(tini|dumb-init)$/;
  if (!init.test(words[0] ?? '')) return words;
  const rest = words.slice(1);
  return rest[0] === '--' ? rest.slice(1) : rest.filter((w, i) => !(i === 0 && w.startsWith('-')));
}
