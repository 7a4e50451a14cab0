import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, dataOf, errorMessage } from '../api/apiClient';
import { usePageTitle } from '../app/usePageTitle';

/**
 * The page a one-time sign-in link opens. Opening it signs nobody in (mail scanners and
 * link previews fetch links too, and would use them up); the button does, with a POST,
 * and the used link is then replaced in the history by the list of drafts.
 */
export function SigninPage({ token, onSignedIn }: { token: string; onSignedIn: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('signin.pageTitle'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; invalid: boolean } | null>(null);

  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      await dataOf(api.POST('/api/signin', { body: { token } }));
      onSignedIn();
    } catch (err) {
      setError({ message: errorMessage(err), invalid: err instanceof ApiError && err.code === 'signin_invalid' });
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="signin-link-title" className="narrow">
      <h1 id="signin-link-title">{t('signin.title')}</h1>
      <p>{t('signin.intro')}</p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={signIn} disabled={busy}>
          {busy ? t('signin.busy') : t('signin.button')}
        </button>
      </div>
      {error && (
        <div role="alert">
          <p className="error">{error.message}</p>
          {error.invalid && <p>{t('signin.askNew')}</p>}
        </div>
      )}
    </section>
  );
}
