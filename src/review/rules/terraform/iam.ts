import { blocks, type TfBlock, type TfModule } from '../../parse/terraform-module.js';
import type { Location } from '../../model.js';
import { tfLocation } from '../../parse/terraform-module.js';

export interface Statement {
  effect: string;
  /** A resource-based policy statement (it names a Principal): `Resource: "*"` then means the resource it is attached to. */
  resourceBased: boolean;
  actions: string[];
  resources: string[];
  location: Location;
}

const POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'];

/** The statements of every IAM policy in a module: policy documents, JSON strings and jsonencode() calls. */
export function iamStatements(mod: TfModule): { owner: TfBlock; statements: Statement[] }[] {
  const out: { owner: TfBlock; statements: Statement[] }[] = [];
  for (const d of mod.data.filter((x) => x.type === 'aws_iam_policy_document')) {
    out.push({
      owner: d,
      statements: blocks(d.body, 'statement').map((s, i) => ({
        effect: String(s.effect ?? 'Allow'),
        resourceBased: s.principals !== undefined || s.not_principals !== undefined,
        actions: list(s.actions),
        resources: list(s.resources),
        location: tfLocation(d, ['statement', String(i)]),
      })),
    });
  }
  for (const r of mod.resources.filter((x) => POLICY_TYPES.includes(x.type))) {
    const attr = r.type === 'aws_iam_role' ? 'assume_role_policy' : 'policy';
    const policy = r.body[attr];
    if (typeof policy !== 'string') continue;
    out.push({ owner: r, statements: fromText(policy).map((s) => ({ ...s, location: tfLocation(r, [attr]) })) });
  }
  return out;
}

function fromText(text: string): Omit<Statement, 'location'>[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const doc = JSON.parse(trimmed) as { Statement?: unknown };
      const stmts = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
      return stmts.map((s) => {
        const st = s as Record<string, unknown>;
        return { effect: String(st.Effect ?? 'Allow'), resourceBased: st.Principal !== undefined || st.NotPrincipal !== undefined, actions: list(st.Action), resources: list(st.Resource) };
      });
    } catch {
      /* an expression: fall through to the jsonencode reading */
    }
  }
  // jsonencode({ … Action = "*" … }): hcl2json keeps the call as text; read the literal fields.
  const stmts: Omit<Statement, 'location'>[] = [];
  const chunks = trimmed.split(/\{\s*(?=(?:"?Sid"?|"?Effect"?|"?Action"?)\s*[=:])/).slice(1);
  for (const chunk of chunks) {
    const effect = /"?Effect"?\s*[=:]\s*"(\w+)"/.exec(chunk)?.[1] ?? 'Allow';
    stmts.push({ effect, resourceBased: /"?(Not)?Principal"?\s*[=:]/.test(chunk), actions: field(chunk, 'Action'), resources: field(chunk, 'Resource') });
  }
  return stmts;
}

function field(chunk: string, name: string): string[] {
  const m = new RegExp(`"?${name}"?\\s*[=:]\\s*(\\[[^\\]]*\\]|"[^"]*")`).exec(chunk);
  if (!m) return [];
  return [...m[1]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
}

function list(v: unknown): string[] {
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
}
