import { useSyncExternalStore } from 'react';

/**
 * A three-route app does not need a router library: the path is the state, pushState
 * changes it, and a custom event tells subscribers (popstate covers back/forward).
 */
const NAVIGATE = 'accord:navigate';

export type Route =
  | { page: 'list' }
  | { page: 'invite'; token: string }
  | { page: 'draft'; docId: string }
  | { page: 'notFound' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'list' };
  const invite = /^\/invite\/([^/]+)\/?$/.exec(pathname);
  if (invite?.[1]) return { page: 'invite', token: decodeURIComponent(invite[1]) };
  const draft = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (draft?.[1]) return { page: 'draft', docId: decodeURIComponent(draft[1]) };
  return { page: 'notFound' };
}

export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

export function draftPath(docId: string): string {
  return `/d/${encodeURIComponent(docId)}`;
}
