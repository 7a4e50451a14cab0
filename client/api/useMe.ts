import { useEffect, useState } from 'react';
import { adoptAccountLanguage } from '../i18n/languagePreference';
import { ApiError, api, dataOf, errorMessage } from './apiClient';
import type { Me } from './types';

export type MeState =
  | { state: 'loading' }
  | { state: 'signedOut' }
  | { state: 'signedIn'; me: Me }
  | { state: 'error'; message: string };

/** Who is signed in; `reload` after accepting an invite (which sets the session cookie). */
export function useMe(): [MeState, () => void] {
  const [state, setState] = useState<MeState>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void version;
    dataOf(api.GET('/api/me')).then(
      async (r) => {
        // The account's language first, so the signed-in pages never flash in another one.
        await adoptAccountLanguage(r.user.language).catch(() => undefined);
        if (live) setState({ state: 'signedIn', me: r.user });
      },
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 401) setState({ state: 'signedOut' });
        else setState({ state: 'error', message: errorMessage(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [version]);
  return [state, () => setVersion((v) => v + 1)];
}
