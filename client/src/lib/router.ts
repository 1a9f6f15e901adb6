// A small router: the path is the state; pushState + a notification moves between screens.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
window.addEventListener('popstate', notify);

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
  window.scrollTo(0, 0);
}

function subscribe(cb: () => void) {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export type Route =
  | { name: 'landing' }
  | { name: 'create' }
  | { name: 'home' }
  | { name: 'join'; code: string }
  | { name: 'workshop'; workshopId: string; tableId: string | null }
  | { name: 'projector'; workshopId: string }
  | { name: 'print'; workshopId: string }
  | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  const parts = pathname
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  if (parts.length === 0) return { name: 'landing' };
  if (parts[0] === 'new' && parts.length === 1) return { name: 'create' };
  if (parts[0] === 'home' && parts.length === 1) return { name: 'home' };
  if (parts[0] === 'join' && parts.length <= 2) return { name: 'join', code: parts[1] ?? '' };
  if (parts[0] === 'w' && parts[1] && parts.length === 2) return { name: 'workshop', workshopId: parts[1], tableId: null };
  if (parts[0] === 'w' && parts[1] && parts[2] === 'projector' && parts.length === 3) return { name: 'projector', workshopId: parts[1] };
  if (parts[0] === 'w' && parts[1] && parts[2] === 'print' && parts.length === 3) return { name: 'print', workshopId: parts[1] };
  if (parts[0] === 'w' && parts[1] && parts[2] === 't' && parts[3] && parts.length === 4)
    return { name: 'workshop', workshopId: parts[1], tableId: parts[3] };
  return { name: 'notFound' };
}

export const paths = {
  landing: () => '/',
  create: () => '/new',
  home: () => '/home',
  join: (code = '') => (code ? `/join/${encodeURIComponent(code)}` : '/join'),
  workshop: (id: string) => `/w/${encodeURIComponent(id)}`,
  projector: (id: string) => `/w/${encodeURIComponent(id)}/projector`,
  print: (id: string, locale?: string) => `/w/${encodeURIComponent(id)}/print${locale ? `?locale=${locale}` : ''}`,
  table: (id: string, tableId: string) => `/w/${encodeURIComponent(id)}/t/${encodeURIComponent(tableId)}`,
};
