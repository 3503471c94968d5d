import type { HclBlock } from '../parse/hcl-positions.js';
import type { TfFile } from '../parse/terraform.js';
import { endOfLine, indentOfLine, startOfLine, type TextEdit } from './text-edit.js';

/**
 * Targeted HCL edits from the positions scanHcl recorded: set an attribute, add a nested
 * block, or add a resource after another. Everything else in the file stays byte-for-byte.
 */

/** Sets `name = valueText` in a block: replaces the value if present, else adds the line. */
export function hclSetAttr(file: TfFile, block: HclBlock, name: string, valueText: string): TextEdit {
  const attr = block.attrs.get(name);
  if (attr) return { file: file.path, start: attr.valueStart, end: attr.valueEnd, text: valueText };
  return insertLines(file, block, [`${name} = ${valueText}`]);
}

/** Adds a nested block (`metadata_options { … }`) with the given attribute lines. */
export function hclAddBlock(file: TfFile, block: HclBlock, type: string, lines: string[]): TextEdit {
  return insertLines(file, block, [`${type} {`, ...lines.map((l) => `  ${l}`), '}']);
}

/** Adds text (a whole resource) after a top-level block, separated by a blank line. */
export function hclAddAfter(file: TfFile, block: HclBlock, text: string): TextEdit {
  const at = endOfLine(file.source.text, block.close);
  return { file: file.path, start: at, end: at, text: `\n\n${text.trimEnd()}` };
}

function insertLines(file: TfFile, block: HclBlock, lines: string[]): TextEdit {
  const text = file.source.text;
  const blockIndent = indentOfLine(text, block.start);
  const firstAttr = [...block.attrs.values()].sort((a, b) => a.valueStart - b.valueStart)[0];
  const inner = firstAttr ? indentOfLine(text, firstAttr.valueStart) : `${blockIndent}  `;
  const body = lines.map((l) => inner + l).join('\n');
  const closeLineStart = startOfLine(text, block.close);
  const closeOnOwnLine = text.slice(closeLineStart, block.close).trim() === '';
  if (closeOnOwnLine) return { file: file.path, start: closeLineStart, end: closeLineStart, text: `${body}\n` };
  // One-line block `x { a = 1 }`: open it up.
  return { file: file.path, start: block.close, end: block.close, text: `\n${body}\n${blockIndent}` };
}
