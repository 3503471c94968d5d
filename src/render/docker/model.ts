/**
 * The Dockerfile as typed data: strategies build it, serialize.ts turns it into text last
 * (Railpack's plan IR, a separate backend). Every instruction may carry a one-line comment
 * that explains a choice.
 */
export interface CacheMount {
  target: string;
  /** Shared between stages and builds with the same id (e.g. one npm cache). */
  id?: string;
  sharing?: 'shared' | 'locked' | 'private';
}

export type Instruction = { comment?: string } & (
  | { op: 'ARG'; name: string; value?: string }
  | { op: 'ENV'; vars: [string, string][] }
  | { op: 'LABEL'; labels: [string, string][] }
  | { op: 'WORKDIR'; path: string }
  | { op: 'RUN'; commands: string[]; mounts?: CacheMount[] }
  | { op: 'COPY'; sources: string[]; dest: string; from?: string; chown?: string }
  | { op: 'SHELL'; argv: string[] }
  | { op: 'USER'; user: string }
  | { op: 'EXPOSE'; port: number }
  | { op: 'HEALTHCHECK'; argv: string[]; interval: string; timeout: string; startPeriod: string; retries: number }
  | { op: 'STOPSIGNAL'; signal: string }
  | { op: 'ENTRYPOINT'; argv: string[] }
  | { op: 'CMD'; argv: string[] }
);

export type Op = Instruction['op'];

export interface Stage {
  /** `AS <name>`; the final stage may stay anonymous. */
  name?: string;
  from: string;
  /** Why this stage exists, written above its FROM. */
  comment?: string;
  steps: Instruction[];
}

export interface DockerfileModel {
  /** Comment lines at the top (the generated marker first). */
  header: string[];
  /** ARGs before the first FROM (usable in FROM lines). */
  globalArgs?: { name: string; value?: string }[];
  stages: Stage[];
}
