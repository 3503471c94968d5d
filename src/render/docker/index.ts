import type { Note } from '../../analyze/notes.js';
import type { AppSpec } from '../../spec/app-spec.js';
import type { Component } from '../../spec/component.js';
import { GENERATED_MARKER, SpecIncompleteError, type RenderedFile, type Renderer, type RenderOptions, type RenderResult } from '../renderer.js';
import { dockerignore } from './dockerignore.js';
import { dockerLayout, type DockerLayout } from './layout.js';
import { ociLabels } from './runtime-stage.js';
import { serializeDockerfile } from './serialize.js';
import { STRATEGIES } from './strategies/index.js';
import type { StrategyContext } from './strategies/types.js';

/**
 * `slipway generate docker`: a multi-stage Dockerfile per component and a .dockerignore
 * per build context (plus nginx.conf for static sites).
 */
export const dockerRenderer: Renderer = {
  id: 'docker',
  description: 'Dockerfile and .dockerignore per component (multi-stage, non-root, exec-form start, HEALTHCHECK)',
  render(spec: AppSpec, opts: RenderOptions): RenderResult {
    const files = new Map<string, RenderedFile>();
    const notes: Note[] = [];
    const missing: { key: string; why: string }[] = [];
    const ignores = new Map<string, string[]>();
    spec.components.forEach((component, index) => {
      if (opts.components && !opts.components.includes(component.name)) return;
      const layout = dockerLayout(spec, component);
      const strategy = STRATEGIES[component.runtime];
      if (!strategy) {
        missing.push({ key: `components[${index}].runtime`, why: `Slipway has no Dockerfile recipe for "${component.runtime}" yet; supported: ${Object.keys(STRATEGIES).join(', ')}` });
        return;
      }
      const ctx: StrategyContext = {
        spec,
        component,
        key: (field) => `components[${index}].${field}`,
        dir: layout.context,
        cacheMounts: opts['cacheMounts'] !== false,
        missing: (key, why) => missing.push({ key, why }),
        note: (n) => notes.push(n),
      };
      const plan = strategy(ctx);
      plan.stages.at(-1)?.steps.push(...ociLabels(layout.image));
      files.set(layout.dockerfile, {
        path: layout.dockerfile,
        content: serializeDockerfile({ header: header(spec, component, layout), stages: plan.stages }),
      });
      for (const f of plan.files ?? []) files.set(f.path, f);
      ignores.set(layout.context, [...(ignores.get(layout.context) ?? []), ...(plan.ignore ?? [])]);
    });
    if (missing.length) throw new SpecIncompleteError('docker', missing);
    for (const [context, extra] of ignores) {
      const path = context === '.' ? '.dockerignore' : `${context}/.dockerignore`;
      files.set(path, { path, content: dockerignore(extra) });
    }
    return { files: [...files.values()], notes };
  },
};

function header(spec: AppSpec, component: Component, l: DockerLayout): string[] {
  return [
    `${GENERATED_MARKER} (slipway generate docker) from slipway.yaml: ${spec.name}/${component.name}.`,
    'Edit freely: once this line is gone, Slipway leaves the file alone.',
    `Build: slipway build   (or: docker build -f ${l.dockerfile} -t ${l.image} ${l.context})`,
  ];
}
