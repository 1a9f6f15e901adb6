// Light or dark (issue 10, item 12): the page follows the system's prefers-color-scheme until the
// person flips the toggle; the choice is remembered on this device. Flipping back to what the
// system says forgets the choice, so the page follows the system again (one toggle, no third
// "auto" state to explain). The resolved theme is <html data-theme>, which theme.css keys on.
// The projector keeps its own dark look whatever the theme.
import { useSyncExternalStore } from 'react';
import { readString, removeKey, writeString } from './storage';

export type Theme = 'light' | 'dark';

const KEY = 'wc:theme';
const QUERY = '(prefers-color-scheme: dark)';

/** The theme shown: the stored choice, else the system's. */
export function resolveTheme(stored: string | undefined, systemDark: boolean): Theme {
  if (stored === 'light' || stored === 'dark') return stored;
  return systemDark ? 'dark' : 'light';
}

/** What to remember after a flip: the new theme, or nothing when it is what the system says anyway. */
export function choiceAfterToggle(shown: Theme, systemDark: boolean): Theme | null {
  const next: Theme = shown === 'dark' ? 'light' : 'dark';
  return (next === 'dark') === systemDark ? null : next;
}

const media = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(QUERY) : null;
const listeners = new Set<() => void>();

function current(): Theme {
  return resolveTheme(readString(KEY), media?.matches ?? false);
}

function apply(): void {
  document.documentElement.dataset.theme = current();
  listeners.forEach((l) => l());
}

/** Sets <html data-theme> before the first render and keeps following the system. */
export function initTheme(): void {
  apply();
  media?.addEventListener('change', apply);
  // another tab flipped the toggle
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) apply();
  });
}

export function toggleTheme(): void {
  const choice = choiceAfterToggle(current(), media?.matches ?? false);
  if (choice) writeString(KEY, choice);
  else removeKey(KEY);
  apply();
}

export function useTheme(): Theme {
  return useSyncExternalStore((cb) => {
    listeners.add(cb);
    return () => listeners.delete(cb);
  }, current);
}
