// Prometheus instruments of the server (prom-client), in one registry served by GET /metrics
// (see http/metricsRoute.ts; off unless METRICS_TOKEN is set). One registry per process: every
// app created in the process (tests start several) counts into the same instruments.
// Labels are closed sets (command types from the schema, error codes, roles), never user input.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { COMMAND_TYPES, ERROR_CODES } from '@world-cafe/shared';

export const registry = new Registry();
// process memory, CPU, handles and the event-loop lag (nodejs_eventloop_lag_* and its percentiles)
collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

const KNOWN_TYPES: ReadonlySet<string> = new Set(COMMAND_TYPES);
const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** A command type fit for a label: a known type, else `invalid` (label values stay a closed set). */
export function typeLabel(input: unknown): string {
  const t = (input as { type?: unknown } | null)?.type;
  return typeof t === 'string' && KNOWN_TYPES.has(t) ? t : 'invalid';
}

/** `ok`, `duplicate` or the error code. */
export type Outcome = string;

const commands = new Counter({
  name: 'worldcafe_commands_total',
  help: 'Socket commands acknowledged, by command type and outcome (ok, duplicate or the error code).',
  labelNames: ['type', 'outcome'] as const,
  registers: [registry],
});
const commandSeconds = new Histogram({
  name: 'worldcafe_command_duration_seconds',
  help: 'Time from receiving a socket command to its ack (decide + group commit), by type and outcome.',
  labelNames: ['type', 'outcome'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});
const acks = new Counter({
  name: 'worldcafe_acks_total',
  help: 'Acks sent to socket commands, by ok (true/false).',
  labelNames: ['ok'] as const,
  registers: [registry],
});
const rejections = new Counter({
  name: 'worldcafe_rejections_total',
  help: 'Refused requests by where (command, http, handshake) and error code.',
  labelNames: ['where', 'code'] as const,
  registers: [registry],
});
const sockets = new Gauge({
  name: 'worldcafe_sockets',
  help: 'Connected sockets by the role of their participant.',
  labelNames: ['role'] as const,
  registers: [registry],
});
/** Cluster mode: how many workshops this node decides for (holds the lease of); see docs/DEPLOY.md. */
let ownedSource: () => number = () => 0;
new Gauge({
  name: 'worldcafe_owned_workshops',
  help: 'Workshops this node decides for (holds the lease of) in cluster mode; 0 on a single node.',
  registers: [registry],
  collect() {
    this.set(ownedSource());
  },
});
/** Where the owned-workshops gauge reads its value (the cluster's rooms). */
export function setOwnedWorkshopsSource(fn: () => number) {
  ownedSource = fn;
}
const commitSize = new Histogram({
  name: 'worldcafe_group_commit_appends',
  help: 'Appends (commands, joins, workshop creations) written by one group commit.',
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
  registers: [registry],
});
const commitSeconds = new Histogram({
  name: 'worldcafe_group_commit_duration_seconds',
  help: 'Time from handing a group of appends to the writer until its commit is durable (includes the fsync).',
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [registry],
});
const fanoutFrames = new Counter({
  name: 'worldcafe_fanout_frames_total',
  help: 'Sockets written by the fan-out of committed batches (event frames and the resyncs of people whose view changed).',
  registers: [registry],
});
const presenceCoalesced = new Counter({
  name: 'worldcafe_presence_coalesced_total',
  help: 'Presence and typing messages a socket sent over its allowance that a newer state from it replaced before relaying (by kind).',
  labelNames: ['kind'] as const,
  registers: [registry],
});

export const metrics = {
  /** One acknowledged socket command: `outcome` is ok, duplicate or the error code. */
  command(input: unknown, outcome: Outcome, seconds: number) {
    const labels = {
      type: typeLabel(input),
      outcome: KNOWN_CODES.has(outcome) || outcome === 'ok' || outcome === 'duplicate' ? outcome : 'other',
    };
    commands.inc(labels);
    commandSeconds.observe(labels, seconds);
    acks.inc({ ok: String(outcome === 'ok' || outcome === 'duplicate') });
  },
  /** A refused request (`where`: command, http or handshake; `code`: an error code). */
  rejection(where: 'command' | 'http' | 'handshake', code: string) {
    rejections.inc({ where, code });
  },
  /** Connected sockets per role: +1 on connect, -1 on disconnect. */
  sockets: {
    inc: (role: string) => sockets.inc({ role }),
    dec: (role: string) => sockets.dec({ role }),
  },
  /** A durable group commit of `size` appends that took `ms` milliseconds (writer hand-off to commit). */
  groupCommit: {
    observe(size: number, ms: number) {
      commitSize.observe(size);
      commitSeconds.observe(ms / 1000);
    },
  },
  /** A presence or typing message replaced by a newer one of the same socket (rate limit). */
  presenceCoalesced: {
    inc: (kind: 'presence' | 'typing') => presenceCoalesced.inc({ kind }),
  },
  /** Sockets the fan-out wrote for one committed batch (one frame each). */
  fanoutFrames: {
    inc: (n = 1) => fanoutFrames.inc(n),
  },
};
