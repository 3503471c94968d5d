/**
 * Output of a failed build step that says the network, not the Dockerfile, failed: a DNS lookup
 * that timed out, a reset or timed-out connection, a registry that answered 5xx. Such a build is
 * worth running again (the layer cache makes the retry cheap); anything else fails the same way twice.
 */
const TRANSIENT = [
  /Temporary failure (?:resolving|in name resolution)/i, // apt, glibc
  /Could not resolve host/i, // curl, git
  /\bEAI_AGAIN\b/, // node (npm, pnpm, yarn)
  /\bE(?:CONNRESET|TIMEDOUT|SOCKETTIMEDOUT|NETUNREACH)\b/, // node
  /\bsocket hang up\b/i,
  /\b(?:i\/o|TLS handshake) timeout\b/, // Go: image pulls
  /Connection timed out|Connection reset by peer|Network is unreachable/i,
  /\b50[234] (?:Bad Gateway|Service Unavailable|Gateway Time-?out)\b/i,
];

/** The first line of `lines` that names a transient network failure, if any. */
export function transientNetworkFailure(lines: readonly string[]): string | undefined {
  return lines.find((line) => TRANSIENT.some((re) => re.test(line)))?.trim();
}
