import { posix } from 'node:path';
import type { AppSpec } from '../../spec/app-spec.js';
import type { Component } from '../../spec/component.js';
import { imageName } from '../k8s/names.js';

/**
 * Where a component's Dockerfile lives and what its image is called. Shared by the
 * engine (builds), compose, Kubernetes and CI renderers, so they all agree.
 */
export interface DockerLayout {
  /** Dockerfile path relative to the repository root. */
  dockerfile: string;
  /** Build context relative to the repository root (the component directory). */
  context: string;
  /** Image repository name without registry or tag, e.g. "shop-web". */
  image: string;
}

/** nginx serves static sites on this unprivileged port (the image runs as non-root). */
export const STATIC_PORT = 8080;

export function dockerLayout(spec: AppSpec, component: Component): DockerLayout {
  const context = posix.normalize(component.path || '.');
  // Components sharing a directory (a web process and its worker) get one Dockerfile each.
  const first = spec.components.find((c) => posix.normalize(c.path || '.') === context);
  const file = first === undefined || first.name === component.name ? 'Dockerfile' : `Dockerfile.${component.name}`;
  return {
    dockerfile: context === '.' ? file : `${context}/${file}`,
    context,
    image: imageName(spec.name, component.name),
  };
}

/** Apache in the PHP image listens here (www-data cannot bind 80). */
export const PHP_PORT = 8080;

/** The port the container listens on: nginx's for static sites, Apache's for PHP, else the spec's. */
export function containerPort(component: Component): number | undefined {
  if (servedByNginx(component)) return STATIC_PORT;
  if (component.runtime === 'php') return PHP_PORT;
  return component.port;
}

export function servedByNginx(component: Component): boolean {
  return component.kind === 'static' || component.runtime === 'static';
}
