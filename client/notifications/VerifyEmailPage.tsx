import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/apiClient';
import { usePageTitle } from '../app/usePageTitle';

type State = { kind: 'working' } | { kind: 'done'; email: string } | { kind: 'failed' };

/**
 * Where the confirmation mail's link leads (`/verify-email#<secret>`): the secret stays in the
 * fragment (no server log, no Referer) and is posted once, in the signed-in person's session —
 * the server accepts it only for the account that asked for the address.
 */
export function VerifyEmailPage({ secret }: { secret: string | null }) {
  const { t } = useTranslation();
  usePageTitle(t('notify:verify.title'));
  const [state, setState] = useState<State>(secret ? { kind: 'working' } : { kind: 'failed' });
  const sent = useRef(false);
  useEffect(() => {
    if (!secret || sent.current) return;
    sent.current = true;
    // The secret is spent: keep it out of the history and of anything copied from the address bar.
    history.replaceState(null, '', location.pathname);
    dataOf(api.POST('/api/notification-settings/confirm', { body: { token: secret } }))
      .then((s) => setState({ kind: 'done', email: s.email ?? '' }))
      .catch(() => setState({ kind: 'failed' }));
  }, [secret]);
  return (
    <section aria-labelledby="verify-email-title" className="narrow">
      <h1 id="verify-email-title">{t('notify:verify.title')}</h1>
      {state.kind === 'working' && <p aria-live="polite">{t('notify:verify.working')}</p>}
      {state.kind === 'done' && <p role="status">{t('notify:verify.done', { email: state.email })}</p>}
      {state.kind === 'failed' && (
        <p role="alert" className="error">
          {t('notify:verify.failed')}
        </p>
      )}
    </section>
  );
}
