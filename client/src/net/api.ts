// The HTTP edge: create a workshop, look up a join code, join.
import type { CreateWorkshopInput, JoinInput, Phase } from '@world-cafe/shared';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** A server error code (see ERROR_CODES), or 'network' when the server was not reached. */
    readonly code: string,
    message: string,
    /** A finer reason some endpoints add (an invitation `used`, a link `link_expired`), else ''. */
    readonly reason = '',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** One JSON call to the server's HTTP API (the cookie of a signed-in facilitator goes along). */
export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    /* an empty or non-JSON body */
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: unknown; message?: unknown; reason?: unknown } } | null)?.error;
    throw new ApiError(
      res.status,
      typeof e?.code === 'string' ? e.code : res.status === 404 ? 'not_found' : 'internal',
      typeof e?.message === 'string' ? e.message : res.statusText,
      typeof e?.reason === 'string' ? e.reason : '',
    );
  }
  return data as T;
}

export interface CreatedWorkshop {
  workshopId: string;
  joinCode: string;
  participantId: string;
  facilitatorKey: string;
}

export interface JoinInfo {
  workshopId: string;
  title: string;
  purpose: string;
  language: string;
  phase: Phase;
  joinCode: string;
  delegations: Array<{ id: string; name: string; code: string }>;
}

export interface Joined {
  workshopId: string;
  participantId: string;
  token: string;
}

export const api = {
  createWorkshop: (input: CreateWorkshopInput) => request<CreatedWorkshop>('POST', '/api/workshops', input),
  lookupJoin: (code: string) => request<JoinInfo>('GET', `/api/join/${encodeURIComponent(code)}`),
  /**
   * Joins; with a joinId, a lost response is retried (twice, after 1 s and 3 s) with the same id,
   * and the server returns the same participant instead of making a second one.
   */
  async join(input: JoinInput): Promise<Joined> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request<Joined>('POST', '/api/join', input);
      } catch (err) {
        if (!input.joinId || attempt >= 2 || !(err instanceof ApiError) || err.code !== 'network') throw err;
        await new Promise((r) => setTimeout(r, attempt === 0 ? 1000 : 3000));
      }
    }
  },
};
