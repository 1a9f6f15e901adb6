// Who I am in each workshop: workshopId -> secret token (a facilitator's token is its
// facilitatorKey). The token travels in the URL fragment only (#k=...), never in a path or
// query, so it is not sent to the server with page requests or left in its access logs.
import { readJson, writeJson } from '../lib/storage';

export interface SessionRecord {
  token: string;
  participantId?: string;
  title?: string;
  role?: string;
  savedAt: number;
}

const KEY = 'wc:sessions';

function all(): Record<string, SessionRecord> {
  const v = readJson<Record<string, SessionRecord>>(KEY);
  return v && typeof v === 'object' ? v : {};
}

export function getSession(workshopId: string): SessionRecord | undefined {
  const s = all()[workshopId];
  return s && typeof s.token === 'string' ? s : undefined;
}

export function saveSession(workshopId: string, patch: Partial<SessionRecord> & { token?: string }): void {
  const sessions = all();
  const prev = sessions[workshopId];
  const token = patch.token ?? prev?.token;
  if (!token) return;
  // A different token means a different participant: forget what we knew about the old one.
  const base = prev && prev.token === token ? prev : undefined;
  sessions[workshopId] = { ...base, ...patch, token, savedAt: Date.now() };
  writeJson(KEY, sessions);
}

export function forgetSession(workshopId: string): void {
  const sessions = all();
  delete sessions[workshopId];
  writeJson(KEY, sessions);
}

export function listSessions(): Array<SessionRecord & { workshopId: string }> {
  return Object.entries(all())
    .map(([workshopId, s]) => ({ ...s, workshopId }))
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** Reads a token from "#k=..." (a personal link), remembers it and strips it from the address bar. */
export function takeTokenFromHash(workshopId: string): string | undefined {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash) return undefined;
  const token = new URLSearchParams(hash).get('k');
  if (!token) return undefined;
  saveSession(workshopId, { token });
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return token;
}

export function personalLink(workshopId: string, token: string): string {
  return `${window.location.origin}/w/${encodeURIComponent(workshopId)}#k=${encodeURIComponent(token)}`;
}

export function joinLink(joinCode: string): string {
  return `${window.location.origin}/join/${encodeURIComponent(joinCode)}`;
}
