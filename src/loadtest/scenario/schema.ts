import { z } from 'zod';

const duration = z.union([z.string(), z.number().nonnegative()]);
const headers = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));
const status = z.number().int().min(100).max(599);

const extraction = z.union([
  z.strictObject({ json: z.string().min(1) }),
  z.strictObject({ header: z.string().min(1) }),
  z.strictObject({ regex: z.string().min(1) }),
]);

export const RequestFile = z
  .strictObject({
    name: z.string().min(1).optional(),
    method: z
      .string()
      .regex(/^[A-Za-z]+$/, 'an HTTP method such as GET or POST')
      .transform((m) => m.toUpperCase())
      .default('GET'),
    path: z.string().startsWith('/', 'starts with "/" (relative to the target URL)'),
    headers: headers.default({}),
    body: z.string().optional(),
    json: z.unknown().optional().describe('A JSON body; sets content-type: application/json'),
    expect: z.union([status, z.array(status).min(1)]).optional(),
    extract: z.record(z.string().regex(/^[A-Za-z_][\w-]*$/, 'a variable name: letters, digits, _ and -'), extraction).default({}),
    think: duration.optional(),
    timeout: duration.optional(),
  })
  .refine((r) => r.body === undefined || r.json === undefined, { message: 'set either body or json, not both' });

export const ScenarioFile = z.strictObject({
  name: z.string().min(1).optional(),
  vars: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).default({}),
  defaults: z
    .strictObject({ headers: headers.default({}), think: duration.optional(), timeout: duration.optional() })
    .default({ headers: {} }),
  requests: z.array(RequestFile).min(1, 'list at least one request'),
});
export type ScenarioFile = z.infer<typeof ScenarioFile>;
