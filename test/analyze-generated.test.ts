import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { analyze } from '../src/analyze/analyze.js';
import { GENERATED_MARKER } from '../src/render/renderer.js';
import { copyExample } from './helpers/examples.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyOfHello(): string {
  const dir = copyExample('node-hello');
  dirs.push(dir);
  return dir;
}

const dockerfile = (header: string) => `${header}FROM node:22-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 9999\nCMD ["node", "other.js"]\n`;

it('does not read its own generated files back as evidence', () => {
  const dir = copyOfHello();
  writeFileSync(join(dir, 'Dockerfile'), dockerfile(`# ${GENERATED_MARKER} (slipway generate docker) from slipway.yaml\n`));
  const web = analyze(dir).spec!.components[0]!;
  expect(web.port).toBe(3000);
  expect(JSON.stringify(web.evidence)).not.toContain('Dockerfile');
});

it('reads a Dockerfile the team wrote', () => {
  const dir = copyOfHello();
  writeFileSync(join(dir, 'Dockerfile'), dockerfile('# our image\n'));
  const web = analyze(dir).spec!.components[0]!;
  expect(web.evidence?.port?.evidence.some((e) => e.file === 'Dockerfile' && e.value === 9999)).toBe(true);
});
