// The round clock: "Round 2 of 3" and the time left, compact in every workshop header and huge
// on the projector. A warning look in the last minute; RoundSignals (mounted once per screen)
// announces "1 minute left" to screen readers and plays the chime at zero.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';
import { playChime, setChimeMuted, useChime } from '../lib/chime';
import { formatClock, useRoundClock } from '../state/roundClock';
import { useView } from '../state/selectors';

const LAST_MINUTE_MS = 60_000;

export function RoundClock({ size = 'compact' }: { size?: 'compact' | 'large' | 'huge' }) {
  const { t } = useTranslation();
  const f = useFormat();
  const phase = useView((s) => s.phase);
  const clock = useRoundClock();
  if (size === 'compact' && phase !== 'cafe') return null;
  const warn = clock.status === 'running' && clock.remainingMs <= LAST_MINUTE_MS;
  const time = formatClock(clock.remainingMs);
  const roundOf = t('cafe.clock.roundOf', { round: f.num(clock.round), rounds: f.num(clock.rounds) });
  return (
    <div
      className={`round-clock round-clock-${size} clock-${clock.status}${warn ? ' clock-warn' : ''}`}
      role="timer"
      aria-label={t('cafe.clock.label')}
      data-testid={size === 'compact' ? 'round-clock' : `round-clock-${size}`}
    >
      <span className="clock-round">{roundOf}</span>
      <span className="clock-time" data-testid="clock-time">
        {time}
      </span>
      {clock.status !== 'running' && <span className="clock-status">{t(`cafe.clock.status.${clock.status}`)}</span>}
    </div>
  );
}

/** Mute toggle for the end-of-round chime (remembered on this device). */
export function SoundToggle() {
  const { t } = useTranslation();
  const { muted, unlocked } = useChime();
  return (
    <button
      type="button"
      className="sound-toggle icon-button"
      aria-pressed={!muted}
      title={unlocked || muted ? t('cafe.sound.label') : t('cafe.sound.locked')}
      onClick={() => setChimeMuted(!muted)}
    >
      <BellIcon muted={muted} />
      <span className="sr-only">
        {t('cafe.sound.label')}: {muted ? t('cafe.sound.off') : t('cafe.sound.on')}
      </span>
    </button>
  );
}

/**
 * Screen-reader announcements of the round (started, 1 minute left, time is up) and the chime
 * at zero. Mount once per screen: every RoundClock shares it.
 */
export function RoundSignals() {
  const { t } = useTranslation();
  const f = useFormat();
  const phase = useView((s) => s.phase);
  const clock = useRoundClock();
  const [text, setText] = useState('');
  const prev = useRef<{ status: string; remaining: number; round: number } | null>(null);
  const minuteArmed = useRef(false);
  const zeroArmed = useRef(false);

  useEffect(() => {
    const p = prev.current;
    prev.current = { status: clock.status, remaining: clock.remainingMs, round: clock.round };
    if (phase !== 'cafe') return;
    const running = clock.status === 'running';
    // Armed while more than a minute (or any time) is left; each fires once, then waits to re-arm.
    if (clock.remainingMs > LAST_MINUTE_MS) minuteArmed.current = true;
    if (running && clock.remainingMs > 0) zeroArmed.current = true;
    if (!p) return; // first render: no announcement for the state the screen opened on
    let say: string | null = null;
    if (running && p.status === 'idle') say = t('cafe.clock.started', { round: f.num(clock.round) });
    else if (clock.status === 'paused' && p.status === 'running') say = t('cafe.clock.paused');
    if (running && clock.remainingMs > 0 && clock.remainingMs <= LAST_MINUTE_MS && minuteArmed.current) {
      minuteArmed.current = false;
      say = t('cafe.clock.oneMinute');
    }
    if (zeroArmed.current && clock.remainingMs === 0 && (running || clock.status === 'ended')) {
      zeroArmed.current = false;
      minuteArmed.current = false;
      say = t('cafe.clock.timeUp', { round: f.num(clock.round) });
      playChime();
    }
    if (say) setText(say);
  }, [clock.status, clock.remainingMs, clock.round, phase, t, f]);

  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="clock-announcer">
      {text}
    </div>
  );
}

/** A bell (struck through when muted), drawn as SVG so it needs no emoji font. */
function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="1.2em"
      height="1.2em"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      {muted && <path d="M3 3l18 18" />}
    </svg>
  );
}
