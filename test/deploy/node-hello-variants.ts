import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppSpecInput } from '../../src/spec/app-spec.js';
import { AppSpec } from '../../src/spec/app-spec.js';

export const NODE_HELLO = fileURLToPath(new URL('../../examples/node-hello', import.meta.url));

/** Bad releases the local target must refuse (benchmark 2 and the fault tests). */
export const BAD_VARIANTS = ['crash-on-boot', 'returns-500', 'hangs', 'never-listens'] as const;
export type Variant = 'good' | (typeof BAD_VARIANTS)[number];

const EDITS: Record<Exclude<Variant, 'good'>, (src: string) => string> = {
  // Dies before it listens.
  'crash-on-boot': (s) => `console.error('boom: missing configuration'); process.exit(1);\n${s}`,
  // Healthy on /healthz, 500 everywhere else: only the bake window's error rate can catch it.
  'returns-500': (s) => s.replace("res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });", "res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });"),
  // Accepts connections, never answers.
  hangs: (s) => s.replace('const server = http.createServer((req, res) => {', 'const server = http.createServer((req, res) => {\n  return;'),
  // Runs, never opens its port.
  'never-listens': (s) => s.replace(/server\.listen\(port[^\n]*\n/, 'setInterval(() => {}, 1000);\n'),
};

/** A copy of examples/node-hello in a temp dir whose greeting is `label` (and which misbehaves as `variant` says). */
export function nodeHelloVariant(variant: Variant, label: string, parent?: string): string {
  const dir = mkdtempSync(join(parent ?? tmpdir(), `slipway-test-${variant}-`));
  cpSync(NODE_HELLO, dir, { recursive: true });
  const file = join(dir, 'src', 'server.js');
  let src = readFileSync(file, 'utf8').replace("'Hello from node-hello'", JSON.stringify(label));
  if (variant !== 'good') {
    const edited = EDITS[variant](src);
    if (edited === src) throw new Error(`variant ${variant}: examples/node-hello/src/server.js changed; update node-hello-variants.ts`);
    src = edited;
  }
  writeFileSync(file, src);
  return dir;
}

/** The App Spec of node-hello as `slipway analyze` finds it, with a test port for `env`. */
export function nodeHelloSpec(port: number, extra: Partial<AppSpecInput['components'][number]> = {}, env = 'dev'): AppSpec {
  return AppSpec.parse({
    version: 1,
    name: 'node-hello',
    environments: { [env]: { port } },
    components: [
      {
        name: 'node-hello',
        kind: 'web',
        language: 'javascript',
        runtime: 'node',
        packageManager: 'npm',
        commands: { install: 'npm ci', start: 'node src/server.js', test: 'npm test' },
        port: 3000,
        healthcheck: '/healthz',
        ...extra,
      },
    ],
  });
}
