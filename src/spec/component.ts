import { z } from 'zod';
import { FieldEvidence } from './evidence.js';

export const COMPONENT_KINDS = ['web', 'worker', 'static', 'job'] as const;
export const LANGUAGES = [
  'javascript', 'typescript', 'python', 'java', 'kotlin', 'go', 'ruby', 'php', 'csharp', 'fsharp', 'rust', 'html',
] as const;
/** What executes the component: decides base images, health checks and process handling. */
export const RUNTIMES = ['node', 'bun', 'deno', 'python', 'jvm', 'go', 'ruby', 'php', 'dotnet', 'rust', 'static'] as const;
export const PACKAGE_MANAGERS = [
  'npm', 'yarn', 'pnpm', 'bun', 'pip', 'poetry', 'pipenv', 'uv', 'maven', 'gradle', 'go', 'bundler', 'composer', 'dotnet', 'cargo',
] as const;
export const SERVICE_TYPES = [
  'postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'rabbitmq', 'kafka', 'elasticsearch', 'opensearch', 'memcached', 'minio', 'sqs',
] as const;
export const TIERS = ['low', 'medium', 'high'] as const;

export type ComponentKind = (typeof COMPONENT_KINDS)[number];
export type Language = (typeof LANGUAGES)[number];
export type Runtime = (typeof RUNTIMES)[number];
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];
export type ServiceType = (typeof SERVICE_TYPES)[number];
export type Tier = (typeof TIERS)[number];

const command = z.string().min(1);

export const Commands = z
  .strictObject({
    install: command.optional().describe('Installs dependencies exactly from the lockfile, e.g. "npm ci"'),
    build: command.optional().describe('Compiles or bundles, e.g. "npm run build"'),
    test: command.optional().describe('Runs the unit tests, e.g. "npm test"'),
    start: command.optional().describe('Starts the component in production, e.g. "node dist/main.js"'),
    release: command
      .optional()
      .describe('Runs once per release before the new version takes traffic (migrations), e.g. "python manage.py migrate"'),
  })
  .describe('Commands, run from the component directory');
export type Commands = z.infer<typeof Commands>;

export const EnvVar = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name: letters, digits and _'),
  required: z.boolean().default(false),
  secret: z.boolean().default(false).describe('Never written with a value; rendered as a secret reference'),
  default: z.string().optional(),
  description: z.string().optional(),
});
export type EnvVar = z.infer<typeof EnvVar>;

export const Service = z.strictObject({
  type: z.enum(SERVICE_TYPES),
  version: z.string().optional().describe('Major version when known, e.g. "16" for PostgreSQL 16'),
});
export type Service = z.infer<typeof Service>;

export const Scale = z
  .strictObject({
    minReplicas: z.number().int().min(1).optional(),
    maxReplicas: z.number().int().min(1).optional(),
    cpu: z.string().optional().describe('CPU request, Kubernetes notation: "250m"'),
    memory: z.string().optional().describe('Memory request, Kubernetes notation: "256Mi"'),
    targetRps: z.number().positive().optional().describe('Requests per second the component must sustain'),
    capacityRps: z.number().positive().optional().describe('Measured sustainable rate of one instance (slipway loadtest)'),
  })
  .describe('Sizing; overrides the tier defaults. `slipway loadtest --apply` writes it.');
export type Scale = z.infer<typeof Scale>;

const hook = z.string().min(1);
export const Hooks = z
  .strictObject({
    applicationStop: hook.optional(),
    beforeInstall: hook.optional(),
    afterInstall: hook.optional(),
    applicationStart: hook.optional(),
    validateService: hook.optional(),
  })
  .describe('Deploy hooks (AWS CodeDeploy lifecycle): shell commands run from the release directory');
export type Hooks = z.infer<typeof Hooks>;

const dnsLabel = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and "-" (it names images and Kubernetes objects)');

export const Component = z.strictObject({
  name: dnsLabel,
  path: z.string().default('.').describe('Directory of the component, relative to the repository root'),
  kind: z.enum(COMPONENT_KINDS),
  language: z.enum(LANGUAGES),
  runtime: z.enum(RUNTIMES),
  runtimeVersion: z.string().optional().describe('Runtime version requested by the app, e.g. "20" or "3.11"'),
  packageManager: z.enum(PACKAGE_MANAGERS).optional(),
  packageManagerVersion: z.string().optional(),
  framework: z.string().optional(),
  commands: Commands.default({}),
  port: z.number().int().min(1).max(65535).optional(),
  healthcheck: z.string().startsWith('/').optional().describe('HTTP path that answers 2xx when the component is ready'),
  env: z.array(EnvVar).default([]),
  services: z.array(Service).default([]),
  tier: z.enum(TIERS).default('medium').describe('Resource category: low, medium or high (docs/tiers.md)'),
  staticDir: z.string().optional().describe('Build output served as static files (kind: static)'),
  installDevDependencies: z
    .boolean()
    .optional()
    .describe('Install development dependencies in the runtime too: the start file requires some of them (better: move those to dependencies)'),
  public: z.boolean().optional().describe('Reachable from outside (ingress); defaults to true for web and static components'),
  scale: Scale.optional(),
  hooks: Hooks.optional(),
  deploy: z
    .strictObject({ mode: z.enum(['process', 'container']).default('process') })
    .optional()
    .describe('How the local target runs the component'),
  evidence: z
    .record(z.string(), FieldEvidence)
    .optional()
    .describe('Written by `slipway analyze`: how each value was decided. Keys are field paths ("port", "commands.start", "env.DATABASE_URL", "services.postgres").'),
});
export type Component = z.infer<typeof Component>;
