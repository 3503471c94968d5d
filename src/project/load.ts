import { isAbsolute, relative, resolve } from 'node:path';
import { analyze, type AnalyzeResult } from '../analyze/analyze.js';
import { RepoPathError } from '../analyze/repo.js';
import { EXIT, UserError } from '../errors.js';
import type { AppSpec } from '../spec/app-spec.js';
import { formatProblem, type SpecProblem } from '../spec/errors.js';
import { loadSpec, parseSpec, SPEC_FILE } from '../spec/io.js';
import { mergeInferred } from '../spec/merge.js';
import { specToDocument } from '../spec/serialize.js';

export interface Project {
  dir: string;
  spec: AppSpec;
  /** Where the spec came from: the user's slipway.yaml, or a fresh analysis (not yet written). */
  origin: 'slipway.yaml' | 'analysis';
}

export interface AnalyzedProject {
  dir: string;
  result: AnalyzeResult;
  /** The App Spec after folding in the user's slipway.yaml, if there is one. */
  spec: AppSpec;
  /** slipway.yaml text to write (user's comments and values kept). */
  yaml: string;
  hadSpecFile: boolean;
}

/**
 * The App Spec for a directory: slipway.yaml when it exists (the user's file is the
 * contract), otherwise an in-memory analysis. Bad input becomes a UserError.
 */
export function loadProject(dir: string): Project {
  const abs = resolve(dir);
  const loaded = loadSpec(abs);
  if (loaded) {
    if (!loaded.ok) throw specProblems(loaded.problems);
    return { dir: abs, spec: loaded.spec, origin: 'slipway.yaml' };
  }
  const analyzed = analyzeProject(abs);
  return { dir: abs, spec: analyzed.spec, origin: 'analysis' };
}

/** Analyzes and folds the result into an existing slipway.yaml (user values win). */
export function analyzeProject(dir: string, opts: Parameters<typeof analyze>[1] = {}): AnalyzedProject {
  const abs = resolve(dir);
  let result: AnalyzeResult;
  try {
    result = analyze(abs, opts);
  } catch (err) {
    if (err instanceof RepoPathError) throw new UserError(err.message, EXIT.usage);
    throw err;
  }
  const existing = loadSpec(abs);
  if (existing && !existing.ok) throw specProblems(existing.problems);
  if (!result.ok || !result.spec) {
    if (existing?.ok) {
      return { dir: abs, result, spec: existing.spec, yaml: String(existing.doc), hadSpecFile: true };
    }
    throw new UserError(
      `nothing deployable found in ${displayPath(abs)}`,
      EXIT.nothingDeployable,
      `looked at: ${result.looked.join(', ')}. Slipway reads package.json, requirements.txt/pyproject.toml/Pipfile, pom.xml, build.gradle, go.mod, Gemfile, composer.json, *.csproj, Cargo.toml, Procfile and index.html. Write ${SPEC_FILE} by hand to describe the app (see docs/app-spec.md).`,
    );
  }
  if (!existing) {
    const yaml = specToDocument(result.spec).toString({ lineWidth: 0 });
    return { dir: abs, result, spec: result.spec, yaml, hadSpecFile: false };
  }
  mergeInferred(existing.doc, existing.lines, result.spec);
  const yaml = existing.doc.toString({ lineWidth: 0 });
  const reparsed = parseSpec(yaml, existing.file);
  if (!reparsed.ok) throw specProblems(reparsed.problems);
  return { dir: abs, result, spec: reparsed.spec, yaml, hadSpecFile: true };
}

function specProblems(problems: SpecProblem[]): UserError {
  const lines = problems.map((p) => `  ${formatProblem({ ...p, file: displayPath(p.file) })}`);
  return new UserError(`slipway.yaml is not valid:\n${lines.join('\n')}`, EXIT.usage, 'fix the lines above; schema/slipway.schema.json lists every key');
}

export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}
