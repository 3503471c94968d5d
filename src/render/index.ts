import { ciRenderer } from './ci/index.js';
import { k8sRenderer } from './k8s/index.js';
import { composeRenderer } from './compose/index.js';
import { dockerRenderer } from './docker/index.js';
import { envRenderer } from './env/index.js';
import type { Renderer } from './renderer.js';
import { runbookRenderer } from './runbook/index.js';
import { terraformRenderer } from './terraform/index.js';

/** Renderer registry: `slipway generate <id>` runs one, `all` runs each in this order. */
export const RENDERERS: readonly Renderer[] = [dockerRenderer, composeRenderer, envRenderer, k8sRenderer, terraformRenderer, ciRenderer, runbookRenderer];
