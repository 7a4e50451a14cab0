import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/usePageTitle';
import { SLOT, withElements } from '../i18n/withElements';

/** What someone without a session sees: how people get into Accord (there are no passwords) and back in. */
export function SignedOutPage() {
  const { t } = useTranslation();
  usePageTitle(t('signedOut.pageTitle'));
  return (
    <section aria-labelledby="signin-title" className="narrow">
      <h1 id="signin-title">{t('signedOut.title')}</h1>
      <p>{t('signedOut.intro')}</p>
      <ul>
        <li>
          <strong>{t('signedOut.inviteLink')}</strong>{' '}
          {withElements(t('signedOut.inviteLinkText', { example: SLOT }), <code dir="ltr">/invite/…</code>)}
        </li>
        <li>
          <strong>{t('signedOut.signinLink')}</strong>{' '}
          {withElements(t('signedOut.signinLinkText', { example: SLOT }), <code dir="ltr">/signin/…</code>)}
        </li>
      </ul>
      <h2>{t('signedOut.lostTitle')}</h2>
      <p>{t('signedOut.lostText')}</p>
      <p className="muted">
        {withElements(t('signedOut.adminText', { command: SLOT }), <code dir="ltr">npm run admin-link</code>)}
      </p>
    </section>
  );
}
