// The messages between `bench/notes.ts` (the conductor) and its load-generator workers
// (`bench/notes-worker.ts`). Every call is a request with an id and one reply with the same id.
// All times are epoch milliseconds from performance.timeOrigin + performance.now(), which is one
// clock across the worker threads of a process.

export type StackName = 'world-cafe' | 'ws-relay';

/** One simulated person. Delegates are 0..D-1 (bot k % D writes note k); facilitators follow. */
export interface BotSpec {
  index: number;
  role: 'delegate' | 'facilitator';
  /** The table a delegate sits at (0-based); null for facilitators. */
  table: number | null;
  /** Which of the `connect` request's urls the bot connects to (0 when absent). */
  node?: number;
  /** World Café only: who the bot is and its bearer token. */
  participantId?: string;
  token?: string;
}

export interface RunPlan {
  rate: number;
  /** Note k is due at start + k * 1000 / rate. */
  start: number;
  total: number;
  delegates: number;
  /** Notes due at or after this moment are measured; the generator's CPU is sampled from here. */
  measureFrom: number;
  /** Recipients (tablemates + facilitators, the author excluded) of a note written at table t. */
  recipients: number[];
  /**
   * Note k of this run has the id n(idBase + k) (and clientOpId note-op-(idBase + k)): one server
   * serves several runs (a whole ladder), so each run's ids are new to it.
   */
  idBase: number;
}

export type Request =
  | { type: 'connect'; stack: StackName; urls: string[]; bots: BotSpec[] }
  | { type: 'seat' }
  | { type: 'run'; plan: RunPlan }
  | { type: 'progress' }
  | { type: 'collect' }
  | { type: 'close' };

/** Ack outcome codes in `WorkerLog.sent`. */
export const ACK = { none: 0, ok: 1, overloaded: 2, other: 3 } as const;

/** A worker's reply to `connect` and `seat`: its thread's CPU in that step (and the seat refusals it retried). */
export interface SetupStep {
  cpuMs: number;
  refusals?: number;
}

export interface Progress {
  /** Notes sent and not acked yet. */
  outstanding: number;
  /** Sum of the recipients of the notes acked ok so far. */
  owed: number;
  /** Receipts recorded so far (the author's own echo excluded). */
  received: number;
}

export interface WorkerLog {
  /** Flat [k, sentAt, ackAt (NaN if none), ackCode] per note this worker sent. */
  sent: Float64Array;
  /** Flat [k, receiver bot index, receivedAt] per note seen by one of this worker's bots (echoes included). */
  receipts: Float64Array;
  /** How late each measured note left compared with its schedule (ms). */
  lags: Float64Array;
  /** Frames with notes received by this worker's bots since the run began (acks not counted). */
  frames: number;
  /** Error codes other than `overloaded`, with counts. */
  otherCodes: Record<string, number>;
  /** Event-loop utilisation and this thread's CPU over [measureFrom, last send]. */
  elu: number;
  cpuMs: number;
  windowMs: number;
}

export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
