/**
 * A small typed model of HCL: files of blocks, blocks of attributes and nested blocks,
 * expressions as values. The Terraform renderer builds this; print.ts turns it into text
 * in `terraform fmt` layout. No string templates of whole files anywhere.
 */

/** An HCL expression written as code: a reference, a function call, a conditional. */
export class Raw {
  constructor(readonly code: string) {}
}

/** A function call whose arguments are model values: call('yamlencode', { … }). */
export class Call {
  constructor(
    readonly fn: string,
    readonly args: readonly Expr[],
  ) {}
}

/** A value: literals print quoted or bare, arrays as tuples, plain objects as object literals. */
export type Expr = Raw | Call | string | number | boolean | null | readonly Expr[] | { readonly [key: string]: Expr };

/** A nested block inside a body; `labels` for `dynamic "name"` and the like. */
export class Nested {
  constructor(
    readonly body: Body,
    readonly labels: readonly string[] = [],
  ) {}
}

/** Attribute or nested block by name, in order; undefined entries are left out. */
export type Body = { readonly [name: string]: Expr | Nested | readonly Nested[] | undefined };

export interface Block {
  type: string;
  labels: readonly string[];
  body: Body;
  /** A `#` comment above the block saying why it is there. */
  comment?: string;
}

export interface HclFile {
  path: string;
  /** Comment lines at the top of the file. */
  header: string[];
  blocks: Block[];
  /** Top-level attributes (tfvars and backend config files). */
  attributes?: Body;
}

export const raw = (code: string) => new Raw(code);
export const call = (fn: string, ...args: Expr[]) => new Call(fn, args);
/** A string with interpolation: tpl('${local.name}-db') prints "${local.name}-db" unescaped. */
export const tpl = (text: string) => new Raw(JSON.stringify(text));
export const nested = (body: Body, labels: readonly string[] = []) => new Nested(body, labels);
export const block = (type: string, labels: readonly string[], body: Body, comment?: string): Block => ({
  type,
  labels,
  body,
  ...(comment ? { comment } : {}),
});
export const resource = (type: string, name: string, body: Body, comment?: string) => block('resource', [type, name], body, comment);
export const data = (type: string, name: string, body: Body, comment?: string) => block('data', [type, name], body, comment);
export const variable = (name: string, body: Body) => block('variable', [name], body);
export const output = (name: string, body: Body) => block('output', [name], body);
export const module_ = (name: string, body: Body, comment?: string) => block('module', [name], body, comment);
