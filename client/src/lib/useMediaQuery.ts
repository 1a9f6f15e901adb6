import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (cb) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', cb);
      return () => mql.removeEventListener('change', cb);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Phones get a list of notes instead of a free canvas. */
export const PHONE_QUERY = '(max-width: 600px)';

/** Below this width (a phone, or a laptop at 200 % zoom) the review matrix becomes one card per goal. */
export const REVIEW_CARDS_QUERY = '(max-width: 900px)';
