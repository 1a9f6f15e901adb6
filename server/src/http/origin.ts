/**
 * Browsers always send Origin on WebSocket and XHR: it must be the app's own host or listed.
 * Non-browser clients (bots, tests) send none; they are not a CSRF vector since auth is a token.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
