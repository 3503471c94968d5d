import { getExpressionAst } from '@cdktf/hcl2json';
import type { HclJson, HclProblem } from './parse.js';

/** Roots that are not declarations: iteration and meta values Terraform provides. */
const BUILTIN_ROOTS = new Set(['each', 'count', 'self', 'path', 'terraform']);

interface Declarations {
  variables: Set<string>;
  locals: Set<string>;
  modules: Set<string>;
  resources: Set<string>;
  data: Set<string>;
  providers: Set<string>;
}

/**
 * Proves a configuration's references resolve: every var./local./module./data. and
 * resource reference names something declared in the same directory, every variable
 * declared is used, and every tfvars key is a declared variable. Works on hcl2json output of
 * one root module (a directory's .tf files); iteration symbols of `for` expressions are
 * excluded by hcl2json, those of `dynamic` blocks here.
 */
export async function checkReferences(module: Record<string, HclJson>, tfvars: Record<string, HclJson> = {}): Promise<HclProblem[]> {
  const decl = declarations(Object.values(module));
  const problems: HclProblem[] = [];
  const usedVars = new Set<string>();
  for (const [file, json] of Object.entries(module)) {
    const dynamicNames = new Set<string>();
    collectDynamicNames(json, dynamicNames);
    for (const expr of expressions(json).flatMap(interpolations)) {
      for (const ref of await referencesIn(file, expr.slice(2, -1))) {
        const parts = ref.value.split('.');
        const [root, second, third] = parts;
        if (!root || BUILTIN_ROOTS.has(root) || dynamicNames.has(root)) continue;
        const fail = (what: string) => problems.push({ file, message: `${ref.value}: ${what} is not declared` });
        if (root === 'var') {
          if (second) usedVars.add(second);
          if (!second || !decl.variables.has(second)) fail(`variable "${second}"`);
        } else if (root === 'local') {
          if (!second || !decl.locals.has(second)) fail(`local "${second}"`);
        } else if (root === 'module') {
          if (!second || !decl.modules.has(second)) fail(`module "${second}"`);
        } else if (root === 'data') {
          if (!second || !third || !decl.data.has(`${second}.${third}`)) fail(`data source "${second}.${third}"`);
        } else if (second && !decl.resources.has(`${root}.${second}`) && !decl.providers.has(`${root}.${second}`)) {
          fail(`resource "${root}.${second}"`);
        }
      }
    }
  }
  for (const v of decl.variables) if (!usedVars.has(v)) problems.push({ file: '(module)', message: `variable "${v}" is declared but never used` });
  for (const [file, json] of Object.entries(tfvars)) {
    for (const key of Object.keys(json)) if (!decl.variables.has(key)) problems.push({ file, message: `${key} sets no declared variable` });
  }
  return problems;
}

function declarations(files: HclJson[]): Declarations {
  const d: Declarations = { variables: new Set(), locals: new Set(), modules: new Set(), resources: new Set(), data: new Set(), providers: new Set() };
  for (const f of files) {
    for (const name of Object.keys(obj(f['variable']))) d.variables.add(name);
    for (const body of arr(f['locals'])) for (const name of Object.keys(obj(body))) d.locals.add(name);
    for (const name of Object.keys(obj(f['module']))) d.modules.add(name);
    for (const [type, byName] of Object.entries(obj(f['resource']))) for (const name of Object.keys(obj(byName))) d.resources.add(`${type}.${name}`);
    for (const [type, byName] of Object.entries(obj(f['data']))) for (const name of Object.keys(obj(byName))) d.data.add(`${type}.${name}`);
    for (const [type, bodies] of Object.entries(obj(f['provider']))) {
      for (const body of arr(bodies)) {
        const alias = obj(body)['alias'];
        if (typeof alias === 'string') d.providers.add(`${type}.${alias}`);
      }
    }
  }
  return d;
}

/** Every string holding an interpolation, anywhere in the tree. */
function expressions(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') {
    if (node.includes('${')) out.push(node);
  } else if (Array.isArray(node)) {
    for (const x of node) expressions(x, out);
  } else if (node && typeof node === 'object') {
    for (const x of Object.values(node)) expressions(x, out);
  }
  return out;
}

interface AstNode {
  type: string;
  children?: AstNode[];
  meta?: { keyVar?: string; valVar?: string; traversal?: { type: string; segment: string }[] };
}

/**
 * References in one expression, from HashiCorp's own expression AST: every scope traversal
 * (`var.x`, `module.eks.cluster_name`), except the symbols a `for` expression binds.
 * (hcl2json's getReferencesInExpression skips the bodies of `for` expressions.)
 */
async function referencesIn(file: string, expr: string): Promise<{ value: string }[]> {
  const ast = (await getExpressionAst(file, expr)) as AstNode | null;
  const out: { value: string }[] = [];
  const walk = (node: AstNode, bound: ReadonlySet<string>) => {
    let scope = bound;
    if (node.type === 'for') scope = new Set([...bound, ...[node.meta?.keyVar, node.meta?.valVar].filter((v): v is string => !!v)]);
    if (node.type === 'scopeTraversal') {
      const names = (node.meta?.traversal ?? []).filter((t) => t.type === 'nameTraversal').map((t) => t.segment);
      if (names[0] && !scope.has(names[0])) out.push({ value: names.join('.') });
    }
    for (const child of node.children ?? []) walk(child, scope);
  };
  if (ast) walk(ast, new Set());
  return out;
}

/**
 * The `${…}` parts of a template string, each as its own `${expr}`: hcl2json hands back
 * decoded strings, whose literal parts may hold quotes the expression parser would trip on.
 */
export function interpolations(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$' || text[i + 1] !== '{') continue;
    if (text[i - 1] === '$') continue; // $${ is a literal
    let depth = 0;
    let quoted = false;
    for (let j = i + 1; j < text.length; j++) {
      const ch = text[j];
      if (quoted) {
        if (ch === '\\') j++;
        else if (ch === '"') quoted = false;
      } else if (ch === '"') quoted = true;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) {
        out.push(text.slice(i, j + 1));
        i = j;
        break;
      }
    }
  }
  return out;
}

/** `dynamic "name" { … }` makes `name.value` / `name.key` available inside its content. */
function collectDynamicNames(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const x of node) collectDynamicNames(x, out);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'dynamic') for (const name of Object.keys(obj(v))) out.add(name);
      collectDynamicNames(v, out);
    }
  }
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
