import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/apiClient';
import type { Me } from '../api/types';
import { NotificationBell } from '../notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { navigate } from './router';

/** The banner every page shares: home link, who is signed in, language, sign out; pages add their own parts. */
export function AppHeader({ me, children }: { me: Me | null; children?: ReactNode }) {
  const { t } = useTranslation();
  const signOut = async () => {
    await api.POST('/api/signout').catch(() => undefined);
    location.assign('/');
  };
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <a
        className="brand"
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        {t('app.brand')}
      </a>
      <div className="header-middle">{children}</div>
      <div className="whoami">
        {me && (
          <span>
            <bdi>{me.name}</bdi>{' '}
            <span className="muted">
              (<bdi>{me.affiliation}</bdi>)
            </span>
          </span>
        )}
        {me && <NotificationBell />}
        <LanguageSwitch signedIn={me !== null} />
        {me && (
          <button type="button" className="link-button" onClick={signOut}>
            {t('app.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
