import { GENERATED_MARKER } from '../renderer.js';

/**
 * What never belongs in a build context: VCS data, installed dependencies (the image
 * installs its own), local env and secret files, test output, editor and OS files, and
 * Slipway's own state. Smaller contexts also mean fewer cache misses.
 */
const COMMON = [
  '# Version control and CI',
  '.git',
  '.gitignore',
  '.github',
  '.gitlab-ci.yml',
  '',
  '# Dependencies and build caches (the image installs its own)',
  'node_modules',
  '**/node_modules',
  '.npm',
  '.yarn/cache',
  '.pnpm-store',
  '.next/cache',
  '.cache',
  '',
  '# Local configuration and secrets: configuration reaches the container at run time',
  '.env',
  '.env.*',
  '!.env.example',
  '*.pem',
  '*.key',
  'config/*.env',
  'config/*.secrets.env',
  '',
  '# Test output, logs, editors, OS files',
  'coverage',
  '.nyc_output',
  'test-results',
  'playwright-report',
  '*.log',
  '.idea',
  '.vscode',
  '.DS_Store',
  '',
  '# Slipway and container files',
  '.slipway',
  'Dockerfile*',
  '.dockerignore',
  'compose.yaml',
  'docker-compose*.yml',
];

export function dockerignore(extra: string[]): string {
  const lines = [`# ${GENERATED_MARKER} (slipway generate docker). Edit freely: once this line is gone, Slipway leaves the file alone.`, ...COMMON];
  const more = extra.filter((p) => !COMMON.includes(p));
  if (more.length) lines.push('', '# This ecosystem', ...more);
  return `${lines.join('\n')}\n`;
}
