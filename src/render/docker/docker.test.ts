import { DockerfileParser, JSONInstruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { AppSpec } from '../../spec/app-spec.js';
import { GENERATED_MARKER, SpecIncompleteError } from '../renderer.js';
import { DOCKER_CASES } from './__fixtures__/specs.js';
import { dockerRenderer } from './index.js';
import { containerPort } from './layout.js';

/** Images a generated Dockerfile may start from: official images, pinned. */
const OFFICIAL = /^(node|python|eclipse-temurin|maven|gradle|golang|debian|ruby|php|composer|rust|nginx|oven\/bun|mcr\.microsoft\.com\/dotnet\/(sdk|aspnet))$/;

function render(spec: AppSpec) {
  return dockerRenderer.render(spec, {});
}

describe('docker renderer: every recipe follows the house rules', () => {
  for (const [name, spec] of Object.entries(DOCKER_CASES)) {
    it(name, async () => {
      const { files } = render(spec);
      const component = spec.components[0]!;
      const dockerfile = files.find((f) => f.path === 'Dockerfile')!;
      expect(dockerfile.content.split('\n')[0]).toContain(GENERATED_MARKER);
      expect(files.find((f) => f.path === '.dockerignore')?.content).toContain(GENERATED_MARKER);
      await expect(dockerfile.content).toMatchFileSnapshot(`__snapshots__/${name}.Dockerfile`);

      const df = DockerfileParser.parse(dockerfile.content);
      expect(df.getDirectives(), 'a directive before the marker would be ignored anyway').toHaveLength(0);
      const froms = df.getFROMs();
      const stages = new Set(froms.map((f) => f.getBuildStage()).filter(Boolean));
      for (const from of froms) {
        const image = [from.getRegistry(), from.getImageName()].filter(Boolean).join('/');
        if (stages.has(image)) continue;
        expect(image, `FROM ${from.getImage()}`).toMatch(OFFICIAL);
        expect(from.getImageTag(), `FROM ${from.getImage()} is pinned`).toMatch(/^[0-9a-z][\w.-]*$/);
        expect(from.getImageTag()).not.toBe('latest');
      }
      if (component.commands.build || component.commands.install || component.runtime !== 'python') {
        if (!(component.runtime === 'static')) expect(froms.length, 'multi-stage').toBeGreaterThan(1);
      }
      for (const copy of df.getCOPYs()) {
        const from = copy.getFromFlag()?.getValue();
        if (from) expect(stages.has(from) || /[:/]/.test(from), `COPY --from=${from}`).toBe(true);
      }

      const final = finalStage(dockerfile.content);
      const user = final.filter((i) => i.getKeyword() === 'USER').at(-1)?.getArgumentsContent();
      expect(user, 'runs as a non-root user').toBeTruthy();
      expect(user).not.toMatch(/^(root|0)(:|$)/);

      const start = final.filter((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
      expect(start.length).toBeGreaterThan(0);
      for (const i of start) expect(i, `${i.getKeyword()} in exec form`).toBeInstanceOf(JSONInstruction);
      if (component.commands.release) {
        expect(start.map((i) => i.getArgumentsContent()).join(' ')).not.toContain(component.commands.release.split(' ').at(-1));
      }

      const port = containerPort(component);
      const expose = final.find((i) => i.getKeyword() === 'EXPOSE')?.getArgumentsContent();
      const health = final.find((i) => i.getKeyword() === 'HEALTHCHECK')?.getArgumentsContent();
      if (component.kind === 'worker') {
        expect(expose).toBeUndefined();
      } else {
        expect(expose).toBe(String(port));
        expect(health, 'HEALTHCHECK').toBeTruthy();
        expect(health).not.toMatch(/\b(curl|wget)\b/);
        expect(health).toContain(String(port));
      }

      for (const run of df.getInstructions().filter((i) => i.getKeyword() === 'RUN')) {
        const text = run.getArgumentsContent() ?? '';
        if (text.includes('apt-get install')) {
          expect(text, 'apt-get install without recommends').toContain('--no-install-recommends');
          expect(text, 'apt lists removed in the same layer').toContain('rm -rf /var/lib/apt/lists/*');
          expect(text).toMatch(/apt-get update/);
        }
        expect(text).not.toMatch(/\bsudo\b|curl [^|]*\|\s*(ba)?sh/);
      }
    });
  }
});

function finalStage(content: string) {
  const instructions = DockerfileParser.parse(content).getInstructions();
  const lastFrom = instructions.map((i) => i.getKeyword()).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}

describe('docker renderer: what goes where', () => {
  it('node: lockfile-exact install from the manifests before the sources, cache mount, production-only runtime', () => {
    const text = render(DOCKER_CASES['node-nestjs-typescript']!).files[0]!.content;
    const manifests = text.indexOf('COPY package.json package-lock.json*');
    const sources = text.indexOf('COPY . .');
    expect(manifests).toBeGreaterThan(0);
    expect(manifests).toBeLessThan(sources);
    expect(text).toContain('RUN --mount=type=cache,target=/root/.npm,id=npm npm ci');
    expect(text).toContain('npm prune --omit=dev');
    expect(text).toContain('COPY --from=prod-deps /app/node_modules ./node_modules');
    expect(text).toMatch(/ENV NODE_ENV=production/);
    expect(text).toContain('ENTRYPOINT ["/usr/bin/tini","--"]');
    expect(text).toContain('CMD ["node","dist/main.js"]');
  });

  it('node: without cache mounts when the engine has no BuildKit', () => {
    const text = dockerRenderer.render(DOCKER_CASES['node-express-npm']!, { cacheMounts: false }).files[0]!.content;
    expect(text).not.toContain('--mount=type=cache');
  });

  it('package managers: yarn --frozen-lockfile, yarn --immutable, pnpm --frozen-lockfile', () => {
    expect(render(DOCKER_CASES['node-yarn-classic']!).files[0]!.content).toContain('yarn install --frozen-lockfile');
    const berry = render(DOCKER_CASES['node-yarn-berry']!).files[0]!.content;
    expect(berry).toContain('yarn install --immutable');
    expect(berry).toContain('corepack prepare yarn@4.5.0 --activate');
    expect(berry).toContain('RUN yarn run build');
    expect(render(DOCKER_CASES['node-pnpm']!).files[0]!.content).toContain('pnpm install --frozen-lockfile');
  });

  it('next.js: runs the standalone server, not `npm start`', () => {
    const { files, notes } = render(DOCKER_CASES['node-nextjs-standalone']!);
    const text = files[0]!.content;
    expect(text).toContain('COPY --from=build /app/.next/standalone ./');
    expect(text).toContain('COPY --from=build /app/.next/static ./.next/static');
    expect(text).toContain('CMD ["node","server.js"]');
    expect(notes.map((n) => n.hint).join()).toContain("output: 'standalone'");
  });

  it('static sites: built by node, served by unprivileged nginx with its own nginx.conf', () => {
    const { files } = render(DOCKER_CASES['node-vite-static']!);
    const text = files.find((f) => f.path === 'Dockerfile')!.content;
    expect(text).toContain('FROM nginx:stable');
    expect(text).toContain('COPY --from=build /app/dist/ /usr/share/nginx/html/');
    const conf = files.find((f) => f.path === 'nginx.conf')!.content;
    expect(conf).toContain(GENERATED_MARKER);
    expect(conf).toContain('listen 8080;');
    expect(conf).toContain('pid /tmp/nginx.pid;');
    expect(conf).toContain('try_files $uri $uri/ /index.html;');
  });

  it('python: a virtualenv from the lockfile, gunicorn/uvicorn told to listen on every interface', () => {
    const gunicorn = render(DOCKER_CASES['python-pip-gunicorn']!).files[0]!.content;
    expect(gunicorn).toContain('pip install -r requirements.txt');
    expect(gunicorn).toContain('COPY --from=deps /opt/venv /opt/venv');
    expect(gunicorn).toMatch(/PYTHONUNBUFFERED=1/);
    expect(gunicorn).toMatch(/PORT=8000/); // gunicorn binds 0.0.0.0:$PORT
    const uvicorn = render(DOCKER_CASES['python-poetry-uvicorn']!).files[0]!.content;
    expect(uvicorn).toContain('poetry install --only main --no-root');
    expect(uvicorn).toMatch(/UVICORN_HOST=0\.0\.0\.0/);
    const stdlib = render(DOCKER_CASES['python-stdlib']!).files[0]!.content;
    expect(stdlib.match(/^FROM /gm)).toHaveLength(1);
    expect(stdlib).toContain('FROM python:3.11-slim');
  });

  it('a start command with shell syntax runs through sh -c with exec, assignments become ENV', () => {
    const text = render(DOCKER_CASES['node-shell-start']!).files[0]!.content;
    expect(text).toContain('CMD ["/bin/sh","-c","exec env NODE_OPTIONS=--max-old-space-size=512 node server.js --port $PORT"]');
    expect(text).toContain('ENTRYPOINT ["/usr/bin/tini","-g","--"]');
  });

  it('a component sharing a directory gets its own Dockerfile.<name>', () => {
    const spec = AppSpec.parse({
      version: 1,
      name: 'shop',
      components: [
        { name: 'web', kind: 'web', language: 'javascript', runtime: 'node', commands: { start: 'node web.js' }, port: 3000 },
        { name: 'worker', kind: 'worker', language: 'javascript', runtime: 'node', commands: { start: 'node worker.js' } },
      ],
    });
    expect(render(spec).files.map((f) => f.path).sort()).toEqual(['.dockerignore', 'Dockerfile', 'Dockerfile.worker']);
  });
});

describe('docker renderer: bad input', () => {
  it('a web component without start command or port lists the slipway.yaml keys to set', () => {
    const spec = AppSpec.parse({ version: 1, name: 'x', components: [{ name: 'x', kind: 'web', language: 'javascript', runtime: 'node' }] });
    let error: unknown;
    try {
      render(spec);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SpecIncompleteError);
    expect((error as SpecIncompleteError).missing.map((m) => m.key)).toEqual(['components[0].port', 'components[0].commands.start']);
  });

  it('an unsupported runtime version falls back to the nearest supported one, with a warning', () => {
    const spec = AppSpec.parse({
      version: 1, name: 'old', components: [{ name: 'old', kind: 'web', language: 'javascript', runtime: 'node', runtimeVersion: '9', commands: { start: 'node .' }, port: 3000 }],
    });
    const { files, notes } = render(spec);
    expect(files[0]!.content).toContain('FROM node:20-slim');
    expect(notes).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringContaining('node 9 is not a supported line'), hint: expect.stringContaining('components[0].runtimeVersion') })]);
  });

  it('a runtime without a recipe is named with the key to change', () => {
    const spec = AppSpec.parse({ version: 1, name: 'd', components: [{ name: 'd', kind: 'web', language: 'typescript', runtime: 'deno', commands: { start: 'deno run main.ts' }, port: 8000 }] });
    expect(() => render(spec)).toThrow(/components\[0\]\.runtime/);
  });
});

describe('installDevDependencies', () => {
  it('installs every dependency in the runtime when the start file needs a devDependency', () => {
    const spec = AppSpec.parse({ version: 1, name: 'board', components: [{ name: 'board', kind: 'web', language: 'javascript', runtime: 'node', packageManager: 'npm', commands: { start: 'node server.js' }, port: 8080, installDevDependencies: true }] });
    const text = render(spec).files.find((f) => f.path === 'Dockerfile')!.content;
    expect(text).toMatch(/npm ci --no-audit --no-fund/);
    expect(text).not.toMatch(/--omit=dev/);
  });
});
