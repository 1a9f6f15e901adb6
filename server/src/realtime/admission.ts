// Process-wide admission control: when the event loop falls behind (every socket's commands wait
// behind it), new commands are refused at the edge with `overloaded` before any parsing, so the
// commands already accepted get the CPU. Rooms add their own bound (maxUnpublished, read by
// WorkshopRoom.saturated). Both thresholds come from the environment (OVERLOAD_LAG_MS,
// OVERLOAD_MAX_PENDING; see config.ts) and are set once per process by createApp.
import type { Ack } from '@world-cafe/shared';

export interface AdmissionLimits {
  /** A probe of the event loop this late (ms) closes the gate. */
  lagMs: number;
  /** Commands a workshop may hold decided but not yet published before refusing more. */
  maxUnpublished: number;
}

export const DEFAULT_ADMISSION: AdmissionLimits = { lagMs: 250, maxUnpublished: 400 };

/** The limits in force in this process (createApp sets them from the configuration). */
export const admission: AdmissionLimits = { ...DEFAULT_ADMISSION };

export function configureAdmission(limits: Partial<AdmissionLimits> = {}) {
  Object.assign(admission, DEFAULT_ADMISSION, limits);
}

/** How long a client refused by a saturated room should wait before resending (a few publish ticks). */
export const SATURATED_RETRY_MS = 250;

/** The `overloaded` refusal, with a hint of when to come back. */
export function overloaded(retryAfterMs: number): Ack {
  return {
    ok: false,
    error: {
      code: 'overloaded',
      message: 'the server is busy; retry this change in a moment',
      retryAfterMs: Math.max(1, Math.ceil(retryAfterMs)),
    },
  };
}

export interface LoadGate {
  /** True while the event loop is lagging; refuse new commands. */
  readonly overloaded: boolean;
  /** Milliseconds until the gate reopens (0 when open). */
  readonly closedForMs: number;
}

export interface LoadGateOptions {
  /** Probe period (ms). */
  intervalMs?: number;
  /** A probe this late (ms) marks the loop as lagging (default: admission.lagMs). */
  lagMs?: number;
  /** How long (ms) one late probe keeps the gate closed. */
  holdMs?: number;
}

export function createLoadGate({ intervalMs = 20, lagMs = admission.lagMs, holdMs = 250 }: LoadGateOptions = {}): LoadGate {
  let expected = performance.now() + intervalMs;
  let closedUntil = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - expected > lagMs) closedUntil = now + holdMs;
    expected = now + intervalMs;
  }, intervalMs);
  timer.unref();
  return {
    get overloaded() {
      return performance.now() < closedUntil;
    },
    get closedForMs() {
      return Math.max(0, closedUntil - performance.now());
    },
  };
}
