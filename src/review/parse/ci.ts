import { asObject, type Json } from './k8s.js';
import type { SourceText } from './source.js';
import type { YamlDoc } from './yaml.js';

export interface CiJob {
  id: string;
  body: Json;
}

export type CiDoc =
  | { kind: 'github'; path: string; doc: YamlDoc; jobs: CiJob[] }
  | { kind: 'gitlab'; path: string; doc: YamlDoc; jobs: CiJob[]; stages: string[] }
  | { kind: 'buildspec'; path: string; doc: YamlDoc }
  | { kind: 'jenkins'; path: string; source: SourceText; stages: JenkinsStage[] };

export interface JenkinsStage {
  name: string;
  line: number;
  column: number;
  /** The stage's body text (between its braces). */
  body: string;
  bodyStart: number;
}

const GITLAB_RESERVED = new Set([
  'stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'pages',
]);

export function toGithubWorkflow(path: string, doc: YamlDoc): CiDoc | undefined {
  const jobs = asObject(asObject(doc.value)?.jobs);
  if (!jobs) return undefined;
  return { kind: 'github', path, doc, jobs: entries(jobs) };
}

export function toGitlabCi(path: string, doc: YamlDoc): CiDoc | undefined {
  const v = asObject(doc.value);
  if (!v) return undefined;
  const jobs = entries(v).filter((j) => !GITLAB_RESERVED.has(j.id) && !j.id.startsWith('.'));
  const stages = Array.isArray(v.stages) ? v.stages.map(String) : ['build', 'test', 'deploy'];
  return { kind: 'gitlab', path, doc, jobs, stages };
}

export function toBuildspec(path: string, doc: YamlDoc): CiDoc | undefined {
  return asObject(asObject(doc.value)?.phases) ? { kind: 'buildspec', path, doc } : undefined;
}

function entries(o: Json): CiJob[] {
  return Object.entries(o).flatMap(([id, body]) => {
    const b = asObject(body);
    return b ? [{ id, body: b }] : [];
  });
}

/**
 * A Jenkinsfile is Groovy; the review needs only its stages in order and their text, so a
 * brace matcher that skips strings and comments is enough (nothing is evaluated).
 */
export function parseJenkinsfile(source: SourceText): CiDoc {
  const { path, text } = source;
  const stages: JenkinsStage[] = [];
  const re = /\bstage\s*\(\s*(['"])(.*?)\1\s*\)\s*\{/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const open = m.index + m[0].length - 1;
    const close = matchBrace(text, open);
    const line = text.slice(0, m.index).split('\n').length;
    const column = m.index - text.lastIndexOf('\n', m.index - 1);
    stages.push({ name: m[2]!, line, column, body: text.slice(open + 1, close < 0 ? text.length : close), bodyStart: open + 1 });
  }
  return { kind: 'jenkins', path, source, stages };
}

function matchBrace(t: string, open: number): number {
  let depth = 0;
  for (let i = open; i < t.length; i++) {
    const c = t[i]!;
    if (c === '/' && t[i + 1] === '/') i = lineEnd(t, i);
    else if (c === '/' && t[i + 1] === '*') i = t.indexOf('*/', i + 2) < 0 ? t.length : t.indexOf('*/', i + 2) + 1;
    else if (c === '"' || c === "'") i = stringEnd(t, i);
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function lineEnd(t: string, i: number): number {
  const n = t.indexOf('\n', i);
  return n < 0 ? t.length : n;
}

function stringEnd(t: string, i: number): number {
  const q = t[i]!;
  const triple = t.slice(i, i + 3) === q.repeat(3);
  if (triple) {
    const end = t.indexOf(q.repeat(3), i + 3);
    return end < 0 ? t.length : end + 2;
  }
  for (let j = i + 1; j < t.length; j++) {
    if (t[j] === '\\') j++;
    else if (t[j] === q || t[j] === '\n') return j;
  }
  return t.length;
}
