import type { TextEdit } from '../../fix/text-edit.js';
import type { DfInstruction, DfStage, DockerfileDoc } from '../../parse/dockerfile.js';
import type { Draft } from '../../rule.js';

export function finalStage(doc: DockerfileDoc): DfStage {
  return doc.stages[doc.stages.length - 1]!;
}

/** The stage and the stages it is built FROM (`FROM build AS runtime`), nearest first. */
export function stageChain(doc: DockerfileDoc, stage: DfStage): DfStage[] {
  const out = [stage];
  let cur = stage;
  while (cur.fromStage) {
    const parent = doc.stages.find((s) => s.name === cur.image.toLowerCase() && s.index < cur.index);
    if (!parent || out.includes(parent)) break;
    out.push(parent);
    cur = parent;
  }
  return out;
}

/** The command a RUN executes, as one string (exec form joined). */
export function command(ins: DfInstruction): string {
  return ins.json ? ins.json.join(' ') : ins.args;
}

export function runs(stage: DfStage): DfInstruction[] {
  return stage.instructions.filter((i) => i.keyword === 'RUN');
}

/** The image's short name: `docker.io/library/node` → `node`, `gcr.io/distroless/nodejs20` → `nodejs20`. */
export function shortName(imageName: string): string {
  return imageName.slice(imageName.lastIndexOf('/') + 1).toLowerCase();
}

export function at(doc: DockerfileDoc, ins: DfInstruction, message: string, fix?: () => TextEdit[]): Draft {
  return { location: { file: doc.source.path, line: ins.line, column: ins.column }, message, ...(fix ? { fix } : {}) };
}

export function replaceInstruction(doc: DockerfileDoc, ins: DfInstruction, text: string): TextEdit {
  return { file: doc.source.path, start: ins.start, end: ins.end, text };
}

/** Inserts a line before an instruction, at its indentation. */
export function insertBefore(doc: DockerfileDoc, ins: DfInstruction, line: string): TextEdit {
  const start = ins.start - (ins.column - 1);
  return { file: doc.source.path, start, end: start, text: `${' '.repeat(ins.column - 1)}${line}\n` };
}

export function appendLine(doc: DockerfileDoc, line: string): TextEdit {
  const t = doc.source.text;
  const sep = t.endsWith('\n') ? '' : '\n';
  return { file: doc.source.path, start: t.length, end: t.length, text: `${sep}${line}\n` };
}

/** The raw text of an instruction (continuations and all). */
export function rawText(doc: DockerfileDoc, ins: DfInstruction): string {
  return doc.source.text.slice(ins.start, ins.end);
}

/** Shell segments of a command: split on `&&`, `||`, `;` and newlines. */
export function segments(cmd: string): string[] {
  return cmd.split(/&&|\|\||;|\n/).map((s) => s.trim()).filter(Boolean);
}
