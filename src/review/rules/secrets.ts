/**
 * What a secret looks like: names that hold one, values that are only placeholders, known
 * key formats and the entropy of random strings. Shared by the Dockerfile, compose,
 * Kubernetes, Terraform, CI, config and slipway.yaml rules.
 */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'secret', 'token', 'apikey', 'credential', 'credentials', 'privatekey', 'passphrase']);
const SECRET_PAIRS = [['api', 'key'], ['access', 'key'], ['private', 'key'], ['secret', 'key'], ['signing', 'key'], ['encryption', 'key'], ['master', 'key'], ['client', 'secret'], ['auth', 'token']];
/** A name ending in one of these holds a setting about a secret, not the secret. */
const NOT_A_VALUE = new Set([
  'length', 'len', 'min', 'max', 'expiry', 'expires', 'expiration', 'ttl', 'url', 'uri', 'endpoint', 'file', 'path', 'name', 'id',
  'type', 'header', 'enabled', 'required', 'policy', 'rotation', 'timeout', 'count', 'size', 'ref', 'arn', 'version', 'algorithm', 'hash',
  'salt', 'rounds', 'field', 'param', 'key', 'env', 'var', 'mode',
]);

export function isSecretName(name: string): boolean {
  const segs = name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (segs.length === 0) return false;
  const last = segs[segs.length - 1]!;
  const pairHit = SECRET_PAIRS.some(([a, b]) => segs.some((s, i) => s === a && segs[i + 1] === b));
  const wordHit = segs.some((s) => SECRET_WORDS.has(s));
  if (!pairHit && !wordHit) return false;
  if (last === 'key') return pairHit;
  return !NOT_A_VALUE.has(last);
}

const PLACEHOLDER = /^(|changeme|change[-_]?me|change[-_]?it|replace[-_]?me|todo|tbd|xxx+|\*+|\.\.\.|dummy|example|placeholder|none|null|nil|undefined|false|true|your[-_].*|<[^>]*>|\{\{.*\}\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_][A-Za-z0-9_]*|%\(.*\)s?|#\{.*\})$/i;

/** An empty value, a reference (`${VAR}`, `$VAR`) or a visible stand-in (`changeme`, `<token>`). */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

export interface KeyFormat {
  id: string;
  name: string;
  pattern: RegExp;
}

/** Credentials with a recognisable shape (the provider's documented prefixes). */
export const KEY_FORMATS: readonly KeyFormat[] = [
  { id: 'aws-access-key-id', name: 'AWS access key id', pattern: /\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { id: 'github-token', name: 'GitHub token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { id: 'gitlab-token', name: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { id: 'slack-token', name: 'Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/ },
  { id: 'stripe-key', name: 'Stripe live key', pattern: /\b[rs]k_live_[A-Za-z0-9]{20,}\b/ },
  { id: 'google-api-key', name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { id: 'npm-token', name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { id: 'sendgrid-key', name: 'SendGrid key', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/ },
  { id: 'private-key', name: 'private key', pattern: /-----BEGIN ((RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----/ },
];

export function knownKeyFormat(value: string): KeyFormat | undefined {
  return KEY_FORMATS.find((f) => f.pattern.test(value));
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Looks random: long enough, no spaces, and high entropy (hex, base64, generated passwords). */
export function looksRandom(value: string, minLength = 16, minEntropy = 3.5): boolean {
  const v = value.trim();
  return v.length >= minLength && !/\s/.test(v) && entropy(v) >= minEntropy;
}

/** `scheme://user:password@host` with a real password. */
export function urlPassword(value: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:([^@\s]+)@[^\s]+$/i.exec(value.trim());
  if (!m) return undefined;
  return isPlaceholder(m[1]!) ? undefined : m[1];
}

const LOCAL_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:[^@\s]+@(localhost|127\.0\.0\.1|\[::1\]|db|database|postgres|postgresql|mysql|mariadb|redis|mongo|mongodb|rabbitmq|rabbit|amqp|kafka|minio)(:\d+)?([/?#]|$)/i;

/**
 * A development default like `postgres://postgres:postgres@localhost:5432/app` or
 * `amqp://guest:guest@localhost:5672`: a loopback or compose-service host and a password that
 * does not look generated. Such values document local setup; they are not secrets.
 */
export function isLocalDefaultUrl(value: string): boolean {
  const pw = urlPassword(value);
  return pw !== undefined && LOCAL_HOST.test(value.trim()) && !looksRandom(pw, 12, 3.5);
}
