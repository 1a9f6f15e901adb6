// Error reports come from browsers whose URLs and state hold secrets (personal links carry the
// token in `#k=…`, review links an invite). Before anything reported is logged, whatever looks
// like a secret or a personal link is replaced by REDACTED, so a log never holds a key.

export const REDACTED = '[redacted]';

const RULES: ReadonlyArray<[RegExp, string]> = [
  // a fragment or query parameter that carries a secret: #k=…, &invite=…, ?token=…
  [/([#&?;](?:k|key|invite|token|joinId|facilitatorKey)=)[^\s&#"'<>]*/gi, `$1${REDACTED}`],
  // a bearer header copied into a message
  [/\b(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`],
  // personal and join links: /f/<key>, /join/<code>
  [/(\/(?:f|join)\/)[^\s/#?"'<>]+/gi, `$1${REDACTED}`],
  // "token": "…" / key: '…' in a serialised object
  [/((?:token|key|invite|joinId|secret|password)["']?\s*[:=]\s*["'])[^"']*/gi, `$1${REDACTED}`],
  // a long base64url run with letters and digits (a token, a join id, a hash): not an identifier
  [/(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]{20,})(?=[A-Za-z_-]*\d)(?=[0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g, REDACTED],
];

/** The text with anything secret-looking replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [re, by] of RULES) out = out.replace(re, by);
  return out;
}
