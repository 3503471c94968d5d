import type { Note } from '../../analyze/notes.js';
import type { AppSpec } from '../../spec/app-spec.js';
import type { EnvVar } from '../../spec/component.js';
import { environmentNames } from '../../spec/environments.js';
import { GENERATED_MARKER, type RenderedFile, type Renderer, type RenderOptions, type RenderResult } from '../renderer.js';
import { dotenvValue } from './dotenv-format.js';
import { environmentValue } from './environment-values.js';

/** config/<env>.env: the convention the deploy target and `slipway smoke` read back (src/deploy/config.ts). */
export const CONFIG_DIR = 'config';
export const configFile = (env: string): string => `${CONFIG_DIR}/${env}.env`;
export const secretsFile = (env: string): string => `${CONFIG_DIR}/${env}.secrets.env`;

interface Entry {
  v: EnvVar;
  components: string[];
}

/**
 * `slipway generate env`: one dotenv file per environment with every variable the
 * components read. Non-secret values are written; secrets are named with an empty value
 * and never filled in — their values live in config/<env>.secrets.env, which the
 * generated config/.gitignore keeps out of git, or in the process environment.
 */
export const envRenderer: Renderer = {
  id: 'env',
  description: 'config/<env>.env per environment (secrets as empty placeholders) and config/.gitignore for the secret files',
  render(spec: AppSpec, opts: RenderOptions): RenderResult {
    const notes: Note[] = [];
    const entries = new Map<string, Entry>();
    for (const c of spec.components) {
      if (opts.components && !opts.components.includes(c.name)) continue;
      for (const v of c.env) {
        const seen = entries.get(v.name);
        if (!seen) {
          entries.set(v.name, { v, components: [c.name] });
          continue;
        }
        seen.components.push(c.name);
        if (seen.v.default !== v.default && !v.secret) {
          notes.push({ level: 'warn', message: `${v.name} has different defaults in ${seen.components.join(' and ')}; config files use "${seen.v.default ?? ''}"` });
        }
        if (v.secret && !seen.v.secret) seen.v = { ...seen.v, secret: true };
      }
    }
    const files: RenderedFile[] = environmentNames(spec).map((env) => ({ path: configFile(env), content: envFile(spec, env, [...entries.values()]) }));
    files.push({
      path: `${CONFIG_DIR}/.gitignore`,
      content: `# ${GENERATED_MARKER} (slipway generate env): real secret values never go into git.\n*.secrets.env\n`,
    });
    return { files, notes };
  },
};

function envFile(spec: AppSpec, env: string, entries: Entry[]): string {
  const lines = [
    `# ${GENERATED_MARKER} (slipway generate env) from slipway.yaml: ${spec.name}, environment "${env}".`,
    '# Edit freely: once this line is gone, Slipway leaves the file alone.',
    `# Non-secret settings only. Secrets are listed with empty values: put the real ones in`,
    `# ${secretsFile(env)} (gitignored) or the process environment.`,
  ];
  if (entries.length === 0) lines.push('', '# slipway.yaml lists no environment variables (components[].env).');
  for (const { v, components } of entries) {
    const tags = [spec.components.length > 1 ? components.join(', ') : '', v.secret ? 'secret' : '', v.required ? 'required' : ''].filter(Boolean);
    const about = [tags.join(' · '), v.description].filter(Boolean).join(': ');
    lines.push('');
    if (about) lines.push(`# ${about}`);
    if (v.secret) {
      lines.push(`${v.name}=`);
      continue;
    }
    const value = environmentValue(v.name, env) ?? v.default;
    if (value === undefined && v.required) lines.push('# required: set a value');
    lines.push(`${v.name}=${dotenvValue(value ?? '')}`);
  }
  return `${lines.join('\n')}\n`;
}
