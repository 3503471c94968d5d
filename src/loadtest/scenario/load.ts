import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { EXIT, UserError } from '../../errors.js';
import { formatKey, formatProblem, type SpecProblem } from '../../spec/errors.js';
import { keyNodeAt, lineOf, nodeAt } from '../../spec/yaml-doc.js';
import { ScenarioFile } from './schema.js';
import { toScenario } from './compile.js';
import type { Scenario } from './types.js';

const MAX_SCENARIO_BYTES = 1024 * 1024;

/** Reads a scenario file; every problem names its file and line. */
export function loadScenario(file: string, env: NodeJS.ProcessEnv = process.env): Scenario {
  let text: string;
  try {
    if (statSync(file).size > MAX_SCENARIO_BYTES) throw new UserError(`${file}: larger than ${MAX_SCENARIO_BYTES} bytes`, EXIT.usage);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`cannot read the scenario ${file}: ${(err as Error).message}`, EXIT.usage);
  }
  return parseScenario(text, file, env);
}

export function parseScenario(text: string, file: string, env: NodeJS.ProcessEnv = process.env): Scenario {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw scenarioError(
      doc.errors.map((e) => ({ file, ...lines.linePos(e.pos[0]), key: '', message: `${e.message.split('\n')[0] ?? 'invalid YAML'} (fix the YAML syntax)` })),
    );
  }
  const parsed = ScenarioFile.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    throw scenarioError(parsed.error.issues.flatMap((issue) => issueProblems(doc, lines, file, issue)));
  }
  const at = (path: (string | number)[]): SpecProblem => ({ file, ...lineOf(nodeAt(doc, path).node, lines), key: formatKey(path), message: '' });
  const { scenario, problems } = toScenario(parsed.data, file, env, at);
  if (problems.length > 0) throw scenarioError(problems);
  return scenario;
}

type Issue = { code: string; path: PropertyKey[]; message: string; keys?: string[]; input?: unknown };

function issueProblems(doc: Document, lines: LineCounter, file: string, issue: Issue): SpecProblem[] {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return issue.keys.map((key) => ({ file, ...lineOf(keyNodeAt(doc, issue.path, key), lines), key: formatKey([...issue.path, key]), message: 'unknown key (see docs/loadtest.md for the scenario keys)' }));
  }
  const { node, exact } = nodeAt(doc, issue.path);
  const missing = !exact && issue.code === 'invalid_type' && issue.input === undefined;
  return [{ file, ...lineOf(node, lines), key: formatKey(issue.path), message: missing ? 'is required' : issue.message }];
}

function scenarioError(problems: SpecProblem[]): UserError {
  const list = problems.map((p) => `  ${formatProblem(p)}`).join('\n');
  return new UserError(`the scenario is not valid:\n${list}`, EXIT.usage, 'fix the lines above; docs/loadtest.md describes scenario files');
}
