// A gentle chime for the end of a round: two short, soft sine tones through the Web Audio API.
// Browsers allow sound only after a user gesture, so the audio context is created (or resumed)
// on the first pointer or key press; until then the chime stays silent. Muting is remembered.
import { useSyncExternalStore } from 'react';
import { readString, writeString } from './storage';

const MUTE_KEY = 'wc:chime-muted';

type AudioCtor = typeof AudioContext;
let ctx: AudioContext | null = null;
let unlocked = false;
let muted = readString(MUTE_KEY) === '1';
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function audioCtor(): AudioCtor | null {
  const w = window as unknown as { AudioContext?: AudioCtor; webkitAudioContext?: AudioCtor };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

function unlock() {
  if (unlocked) return;
  const Ctor = audioCtor();
  if (!Ctor) return;
  try {
    ctx ??= new Ctor();
    void ctx.resume().then(() => {
      unlocked = ctx?.state === 'running';
      if (unlocked) {
        window.removeEventListener('pointerdown', unlock, true);
        window.removeEventListener('keydown', unlock, true);
        notify();
      }
    });
  } catch {
    /* no audio on this device */
  }
}

if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);
}

/** Plays the chime if sound is unlocked and not muted. */
export function playChime(): boolean {
  if (muted || !unlocked || !ctx) return false;
  const start = ctx.currentTime + 0.02;
  // G5 then C6: a soft rising interval, each tone fading out over about a second.
  [784, 1046.5].forEach((freq, i) => {
    const t = start + i * 0.45;
    const osc = ctx!.createOscillator();
    const gain = ctx!.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.18, t + 0.04);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 1.1);
    osc.connect(gain).connect(ctx!.destination);
    osc.start(t);
    osc.stop(t + 1.2);
  });
  return true;
}

export function setChimeMuted(value: boolean): void {
  muted = value;
  writeString(MUTE_KEY, value ? '1' : '0');
  notify();
}

function subscribe(cb: () => void) {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** [muted, audio unlocked] for the mute toggle. */
export function useChime(): { muted: boolean; unlocked: boolean } {
  const m = useSyncExternalStore(subscribe, () => muted);
  const u = useSyncExternalStore(subscribe, () => unlocked);
  return { muted: m, unlocked: u };
}
