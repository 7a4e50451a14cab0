import { useSyncExternalStore } from 'react';

/**
 * A handful of routes do not need a router library: the URL is the state, pushState changes
 * it, and a custom event tells subscribers (popstate covers back/forward).
 */
const NAVIGATE = 'accord:navigate';

export type Route =
  | { page: 'list' }
  | { page: 'invite'; token: string }
  | { page: 'signin'; token: string }
  | { page: 'draft'; docId: string }
  | { page: 'compare'; docId: string; from: string | null; to: string | null }
  /** The room's screen: a chair's own window on a draft, or a screen link (secret in the fragment). */
  | { page: 'projection'; docId: string | null }
  /** The link that confirms a notification address (secret in the fragment). */
  | { page: 'verifyEmail' }
  | { page: 'notFound' };

export function parseRoute(pathname: string, search = ''): Route {
  if (pathname === '/' || pathname === '') return { page: 'list' };
  const invite = /^\/invite\/([^/]+)\/?$/.exec(pathname);
  if (invite?.[1]) return { page: 'invite', token: decodeURIComponent(invite[1]) };
  const signin = /^\/signin\/([^/]+)\/?$/.exec(pathname);
  if (signin?.[1]) return { page: 'signin', token: decodeURIComponent(signin[1]) };
  const draft = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (draft?.[1]) return { page: 'draft', docId: decodeURIComponent(draft[1]) };
  const projection = /^\/d\/([^/]+)\/screen\/?$/.exec(pathname);
  if (projection?.[1]) return { page: 'projection', docId: decodeURIComponent(projection[1]) };
  if (/^\/screen\/?$/.test(pathname)) return { page: 'projection', docId: null };
  if (/^\/verify-email\/?$/.test(pathname)) return { page: 'verifyEmail' };
  const compare = /^\/d\/([^/]+)\/compare\/?$/.exec(pathname);
  if (compare?.[1]) {
    const q = new URLSearchParams(search);
    return { page: 'compare', docId: decodeURIComponent(compare[1]), from: q.get('from'), to: q.get('to') };
  }
  return { page: 'notFound' };
}

/** Goes to `path`; `replace` drops the current entry from the history (e.g. a used sign-in link). */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
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

/** The query string (with its `?`), for routes that keep state in it (the comparison). */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => location.search);
}

export function draftPath(docId: string): string {
  return `/d/${encodeURIComponent(docId)}`;
}

/** The projection of a draft for the room's screen, in the chair's own session. */
export function projectionPath(docId: string): string {
  return `${draftPath(docId)}/screen`;
}

/** The comparison page: `from`/`to` are a revision number or `live`. */
export function comparePath(docId: string, from: string, to: string): string {
  return `${draftPath(docId)}/compare?${new URLSearchParams({ from, to })}`;
}
