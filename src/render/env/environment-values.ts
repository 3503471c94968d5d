/**
 * Variables whose value is the environment's own name in the framework's vocabulary.
 * Only written when the spec lists the variable; they win over a single default from
 * .env.example ("development" must not reach prod).
 */
const BY_ENVIRONMENT: Record<string, Record<string, string> & { other: string }> = {
  NODE_ENV: { dev: 'development', other: 'production' },
  RAILS_ENV: { dev: 'development', other: 'production' },
  RACK_ENV: { dev: 'development', other: 'production' },
  ASPNETCORE_ENVIRONMENT: { dev: 'Development', test: 'Staging', other: 'Production' },
  DOTNET_ENVIRONMENT: { dev: 'Development', test: 'Staging', other: 'Production' },
  FLASK_DEBUG: { dev: '1', other: '0' },
};

export function environmentValue(name: string, env: string): string | undefined {
  const table = BY_ENVIRONMENT[name];
  if (!table) return undefined;
  return table[env] ?? table.other;
}
