import type { CacheMount, DockerfileModel, Instruction, Stage } from './model.js';

/** DockerfileModel → text. Exec-form arrays are JSON, as the Dockerfile reference requires. */
export function serializeDockerfile(model: DockerfileModel): string {
  const out: string[] = model.header.map((l) => (l ? `# ${l}` : '#'));
  if (model.globalArgs?.length) {
    out.push('');
    for (const a of model.globalArgs) out.push(a.value === undefined ? `ARG ${a.name}` : `ARG ${a.name}=${a.value}`);
  }
  for (const stage of model.stages) out.push('', ...serializeStage(stage));
  return `${out.join('\n')}\n`;
}

function serializeStage(stage: Stage): string[] {
  const lines: string[] = [];
  if (stage.comment) lines.push(...commentLines(stage.comment));
  lines.push(stage.name ? `FROM ${stage.from} AS ${stage.name}` : `FROM ${stage.from}`);
  for (const step of stage.steps) {
    if (step.comment) lines.push(...commentLines(step.comment));
    lines.push(instruction(step));
  }
  return lines;
}

function commentLines(text: string): string[] {
  return text.split('\n').map((l) => `# ${l}`);
}

const CONTINUE = ' \\\n    ';

function instruction(i: Instruction): string {
  switch (i.op) {
    case 'ARG':
      return i.value === undefined ? `ARG ${i.name}` : `ARG ${i.name}=${i.value}`;
    case 'ENV':
      return `ENV ${i.vars.map(([k, v]) => `${k}=${quoteValue(v)}`).join(CONTINUE)}`;
    case 'LABEL':
      return `LABEL ${i.labels.map(([k, v]) => `${k}=${quoteValue(v)}`).join(CONTINUE)}`;
    case 'WORKDIR':
      return `WORKDIR ${i.path}`;
    case 'RUN': {
      const mounts = (i.mounts ?? []).map((m) => `--mount=${mountSpec(m)} `).join('');
      return `RUN ${mounts}${i.commands.join(' \\\n && ')}`;
    }
    case 'COPY': {
      const flags = [i.from ? `--from=${i.from}` : '', i.chown ? `--chown=${i.chown}` : ''].filter(Boolean);
      return ['COPY', ...flags, ...i.sources, i.dest].join(' ');
    }
    case 'SHELL':
      return `SHELL ${JSON.stringify(i.argv)}`;
    case 'USER':
      return `USER ${i.user}`;
    case 'EXPOSE':
      return `EXPOSE ${i.port}`;
    case 'HEALTHCHECK':
      return `HEALTHCHECK --interval=${i.interval} --timeout=${i.timeout} --start-period=${i.startPeriod} --retries=${i.retries}${CONTINUE}CMD ${JSON.stringify(i.argv)}`;
    case 'STOPSIGNAL':
      return `STOPSIGNAL ${i.signal}`;
    case 'ENTRYPOINT':
      return `ENTRYPOINT ${JSON.stringify(i.argv)}`;
    case 'CMD':
      return `CMD ${JSON.stringify(i.argv)}`;
  }
}

function mountSpec(m: CacheMount): string {
  return ['type=cache', `target=${m.target}`, m.id ? `id=${m.id}` : '', m.sharing ? `sharing=${m.sharing}` : ''].filter(Boolean).join(',');
}

/** ENV/LABEL values: bare when safe, otherwise double-quoted; `$VAR` stays expandable (build args). */
function quoteValue(v: string): string {
  if (/^[A-Za-z0-9_./:@%+,$-]+$/.test(v)) return v;
  return `"${v.replace(/(["\\])/g, '\\$1')}"`;
}
