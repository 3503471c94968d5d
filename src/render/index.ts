import type { Renderer } from './renderer.js';

/** Renderer registry: `slipway generate <id>` runs one, `all` runs each in this order. */
export const RENDERERS: readonly Renderer[] = [];
