// Real socket.io clients that keep a state the way the browser does: snapshot + shared reduce.
import { io, type Socket } from 'socket.io-client';
import {
  type Ack,
  type ClientToServerEvents,
  type CommandInput,
  type CreateWorkshopInput,
  type Envelope,
  type ServerToClientEvents,
  type SyncMessage,
  type WorkshopState,
  applyEnvelopes,
  applyTableSlice,
  ownTableSeats,
  changesViewOf,
  emptyState,
  viewFor,
} from '@world-cafe/shared';

/** Omit over each member of a union (a plain Omit would flatten the discriminated union). */
type WithoutOpId<T> = T extends unknown ? Omit<T, 'clientOpId'> : never;

let opCounter = 0;
export const opId = (prefix = 'op') => `${prefix}-${process.pid}-${Date.now().toString(36)}-${(opCounter++).toString(36)}`;

async function post<T>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

export interface CreatedWorkshop {
  workshopId: string;
  joinCode: string;
  participantId: string;
  facilitatorKey: string;
}

export async function createWorkshop(base: string, input: Partial<CreateWorkshopInput> = {}): Promise<CreatedWorkshop> {
  const res = await post<CreatedWorkshop>(`${base}/api/workshops`, {
    title: 'Post-2015 ACCSM Work Plan',
    facilitatorName: 'Chair',
    tables: [
      { id: 't1', name: 'Table 1', themeId: null, question: 'What matters?', capacity: 12 },
      { id: 't2', name: 'Table 2', themeId: null, question: 'What next?', capacity: 12 },
    ],
    delegations: [
      { id: 'th', name: 'Thailand', code: 'TH' },
      { id: 'ph', name: 'Philippines', code: 'PH' },
    ],
    ...input,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Joined {
  workshopId: string;
  participantId: string;
  token: string;
}

export async function join(base: string, code: string, name: string, delegationId: string | null = 'th'): Promise<Joined> {
  const res = await post<Joined>(`${base}/api/join`, { code, name, delegationId });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export class Bot {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  state: WorkshopState = emptyState();
  /** Every envelope received live or in a catch-up, in arrival order. */
  received: Envelope[] = [];
  syncs: SyncMessage['kind'][] = [];
  /** `events` frames received live (each may batch several events). */
  frames = 0;
  /** Table slices received (a seat change's sync). */
  slices = 0;
  ackTimeoutMs = 10_000;
  private waiters: Array<() => void> = [];

  constructor(
    readonly base: string,
    readonly token: string,
    readonly participantId: string,
    opts: { since?: () => number; transports?: Array<'polling' | 'websocket'> } = {},
  ) {
    this.socket = io(base, {
      transports: opts.transports ?? ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: (cb) => cb({ token, since: opts.since ? opts.since() : this.state.seq }),
    });
    this.socket.on('sync', (msg) => {
      this.syncs.push(msg.kind);
      if (msg.kind === 'snapshot') this.state = msg.state;
      else if (msg.kind === 'table') {
        this.slices++;
        this.state = applyTableSlice(this.state, msg.slice);
      } else {
        this.received.push(...msg.events);
        this.state = applyEnvelopes(this.state, msg.events);
      }
      this.notify();
    });
    this.socket.on('events', (events) => {
      this.frames++;
      this.received.push(...events);
      this.state = ownTableSeats(applyEnvelopes(this.state, events), participantId);
      // As the browser does: a seat change hides the old table at once; the snapshot of the new one follows.
      if (events.some((env) => changesViewOf(env.e, participantId))) this.state = viewFor(this.state, participantId);
      this.notify();
    });
  }

  private notify() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when the predicate holds on this bot's state (or rejects after a timeout). */
  until(pred: (b: Bot) => boolean, timeoutMs = 5000): Promise<void> {
    if (pred(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for bot state')), timeoutMs);
      const check = () => {
        if (pred(this)) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  async ready(): Promise<this> {
    await this.until((b) => b.syncs.length > 0, 10_000);
    return this;
  }

  /** Sends a command; an `overloaded` refusal is retried with the same clientOpId after a short backoff, as the app does. */
  async send(cmd: WithoutOpId<CommandInput> & { clientOpId?: string }): Promise<Ack> {
    const full = { clientOpId: opId(), ...cmd };
    for (let backoff = 50; ; backoff = Math.min(backoff * 2, 1000)) {
      const ack = await this.socket.timeout(this.ackTimeoutMs).emitWithAck('command', full);
      if (ack.ok || ack.error.code !== 'overloaded') return ack;
      await new Promise((r) => setTimeout(r, backoff * (0.5 + Math.random())));
    }
  }

  /** Raw emit for malformed payloads. */
  sendRaw(payload: unknown): Promise<Ack> {
    return (this.socket.timeout(10_000) as unknown as { emitWithAck: (ev: string, p: unknown) => Promise<Ack> }).emitWithAck(
      'command',
      payload,
    );
  }

  reconnect(): Promise<this> {
    this.syncs = [];
    this.socket.connect();
    return this.ready();
  }

  close() {
    this.socket.close();
  }
}

export async function connect(base: string, joined: { token: string; participantId: string }): Promise<Bot> {
  return new Bot(base, joined.token, joined.participantId).ready();
}

export function notesOf(state: WorkshopState) {
  return Object.values(state.notes);
}
