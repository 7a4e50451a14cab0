import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf, errorMessage } from '../api/apiClient';
import type { InviteOffer } from '../api/types';
import { draftPath, navigate } from '../app/router';
import { usePageTitle } from '../app/usePageTitle';
import { roleDescription, roleLabel } from './roleLabels';

/** Accepting an invitation is how people join a draft and sign in: name and affiliation, nothing else. */
export function InvitePage({ token, onAccepted }: { token: string; onAccepted: () => void }) {
  const [offer, setOffer] = useState<InviteOffer | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [affiliation, setAffiliation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation();
  usePageTitle(offer ? t('invite.pageTitleNamed', { title: offer.title }) : t('invite.pageTitle'));

  useEffect(() => {
    dataOf(api.GET('/api/invites/{token}', { params: { path: { token } } })).then(setOffer, (err: unknown) =>
      setLoadError(errorMessage(err)),
    );
  }, [token]);

  const accept = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await dataOf(
        api.POST('/api/invites/{token}/accept', { params: { path: { token } }, body: { name, affiliation } }),
      );
      onAccepted();
      navigate(draftPath(r.documentId));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  if (loadError) {
    return (
      <section className="narrow">
        <h1>{t('invite.title')}</h1>
        <p role="alert" className="error">
          {loadError}
        </p>
        <p>{t('invite.askNew')}</p>
      </section>
    );
  }
  if (!offer) return <p aria-live="polite">{t('invite.loading')}</p>;
  return (
    <section aria-labelledby="invite-title" className="narrow">
      <h1 id="invite-title">{t('invite.invitedTo', { title: offer.title })}</h1>
      <p>
        {t('invite.role')} <span className={`role-badge role-${offer.role}`}>{roleLabel(offer.role)}</span> —{' '}
        {roleDescription(offer.role)}.
      </p>
      <form onSubmit={accept} className="form-grid">
        <label htmlFor="invite-name">{t('invite.name')}</label>
        <input
          id="invite-name"
          required
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
        />
        <label htmlFor="invite-affiliation">{t('invite.affiliation')}</label>
        <input
          id="invite-affiliation"
          required
          autoComplete="organization"
          placeholder={t('invite.affiliationExample')}
          value={affiliation}
          onChange={(e) => setAffiliation(e.target.value)}
          maxLength={200}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('invite.join')}
          </button>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
      <p className="muted">{t('invite.shownToGroup')}</p>
    </section>
  );
}
