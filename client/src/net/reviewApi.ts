// HTTP calls of the review and the exports, outside the socket: delegation review links
// (facilitator key as a Bearer token), file exports (facilitator key or a host's token), import.
import { ApiError, type CreatedWorkshop } from './api';

export const EXPORT_FORMATS = ['docx', 'pdf', 'md', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
import type { Locale } from '@world-cafe/shared/export';
export type ReportLocale = Locale;

async function fail(res: Response): Promise<never> {
  let code = res.status === 404 ? 'not_found' : 'internal';
  let message = res.statusText;
  try {
    const e = ((await res.json()) as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof e?.code === 'string') code = e.code;
    if (typeof e?.message === 'string') message = e.message;
  } catch {
    /* not JSON */
  }
  throw new ApiError(res.status, code, message);
}

/** A call with the facilitator key (or a host's token): the response, or an ApiError. Also used by devicesApi.ts. */
export async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) await fail(res);
  return res;
}

/** A review link as listed (never its secret). */
export interface InviteInfo {
  id: string;
  delegationId: string;
  issuedAt: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface IssuedInvite extends InviteInfo {
  invite: string;
  /** "/join/CODE#invite=TOKEN" */
  path: string;
}

const invitesPath = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/invites`;
export const bearer = (key: string) => ({ accept: 'application/json', authorization: `Bearer ${key}` });

export async function issueInvite(
  workshopId: string,
  facilitatorKey: string,
  delegationId: string,
  expiresInDays: number,
): Promise<IssuedInvite> {
  const res = await send(invitesPath(workshopId), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(facilitatorKey) },
    body: JSON.stringify({ delegationId, expiresInDays }),
  });
  return (await res.json()) as IssuedInvite;
}

/** Every review link of the workshop, and the server's clock (to tell expired ones). */
export async function listInvites(workshopId: string, facilitatorKey: string): Promise<{ invites: InviteInfo[]; now: number }> {
  const res = await send(invitesPath(workshopId), { headers: bearer(facilitatorKey) });
  return (await res.json()) as { invites: InviteInfo[]; now: number };
}

export async function revokeInvite(workshopId: string, facilitatorKey: string, id: string): Promise<InviteInfo> {
  const res = await send(`${invitesPath(workshopId)}/${encodeURIComponent(id)}`, { method: 'DELETE', headers: bearer(facilitatorKey) });
  return (await res.json()) as InviteInfo;
}

/**
 * The full review link. `d=` only tells the join screen which delegation to show: the server
 * decides the delegation from the invite itself.
 */
export function inviteLink(issued: IssuedInvite): string {
  return `${window.location.origin}${issued.path}&d=${encodeURIComponent(issued.delegationId)}`;
}

/** Reads "#invite=TOKEN&d=ID" from the address (a delegation review link). */
export function readInviteFromHash(): { invite: string; delegationId: string | null } | null {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash) return null;
  const params = new URLSearchParams(hash);
  const invite = params.get('invite');
  return invite ? { invite, delegationId: params.get('d') } : null;
}

function filenameFrom(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(cd);
  return plain?.[1]?.trim() || fallback;
}

const EXT: Record<ExportFormat, string> = { docx: 'docx', pdf: 'pdf', md: 'md', csv: 'zip', json: 'json' };

export async function fetchExport(
  workshopId: string,
  token: string,
  format: ExportFormat,
  locale: ReportLocale,
): Promise<{ blob: Blob; filename: string }> {
  const res = await send(`/api/workshops/${encodeURIComponent(workshopId)}/export?format=${format}&locale=${locale}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const blob = await res.blob();
  return { blob, filename: filenameFrom(res, `workshop-${workshopId}.${EXT[format]}`) };
}

/** Saves a blob through a temporary <a download> (no new window, works offline once fetched). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export async function importWorkshop(exported: unknown): Promise<CreatedWorkshop> {
  const res = await send('/api/workshops/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(exported),
  });
  return (await res.json()) as CreatedWorkshop;
}
