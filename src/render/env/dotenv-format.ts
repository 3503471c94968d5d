/**
 * A value as dotenv text that Node's util.parseEnv, docker/podman --env-file and compose
 * all read back unchanged: bare when safe, else single-quoted (literal), else double-quoted.
 */
export function dotenvValue(value: string): string {
  if (/^[A-Za-z0-9_./:@%+,=-]*$/.test(value)) return value;
  if (!value.includes("'") && !value.includes('\n')) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
