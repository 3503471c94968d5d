import type { NodeFramework } from './types.js';

/** HTTP server libraries: the app's own entry file starts them, so they carry no plan, only a name. */
export const servers: readonly NodeFramework[] = [
  { id: 'fastify', packages: ['fastify'], role: 'server' },
  { id: 'koa', packages: ['koa'], role: 'server' },
  { id: 'hapi', packages: ['@hapi/hapi', 'hapi'], role: 'server' },
  { id: 'hono', packages: ['hono'], role: 'server' },
  { id: 'restify', packages: ['restify'], role: 'server' },
  { id: 'polka', packages: ['polka'], role: 'server' },
  { id: 'express', packages: ['express'], role: 'server' },
];
