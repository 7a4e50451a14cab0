import { type FormEvent, useEffect, useState } from 'react';
import { apiFetch, errorMessage } from '../api/apiFetch';
import type { InviteOffer } from '../api/types';
import { draftPath, navigate } from '../app/router';
import { roleDescriptions, roleLabels } from './roleLabels';

/** Accepting an invitation is how people join a draft and sign in: name and affiliation, nothing else. */
export function InvitePage({ token, onAccepted }: { token: string; onAccepted: () => void }) {
  const [offer, setOffer] = useState<InviteOffer | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [affiliation, setAffiliation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    apiFetch<InviteOffer>(`/api/invites/${encodeURIComponent(token)}`).then(setOffer, (err: unknown) =>
      setLoadError(errorMessage(err)),
    );
  }, [token]);

  const accept = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await apiFetch<{ documentId: string }>(`/api/invites/${encodeURIComponent(token)}/accept`, {
        method: 'POST',
        body: { name, affiliation },
      });
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
        <h1>Invitation</h1>
        <p role="alert" className="error">
          {loadError}
        </p>
        <p>Ask the chair of your group for a new invitation link.</p>
      </section>
    );
  }
  if (!offer) return <p aria-live="polite">Loading the invitation…</p>;
  return (
    <section aria-labelledby="invite-title" className="narrow">
      <h1 id="invite-title">You are invited to “{offer.title}”</h1>
      <p>
        Role: <span className={`role-badge role-${offer.role}`}>{roleLabels[offer.role]}</span> —{' '}
        {roleDescriptions[offer.role]}.
      </p>
      <form onSubmit={accept} className="form-grid">
        <label htmlFor="invite-name">Your name</label>
        <input
          id="invite-name"
          required
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
        />
        <label htmlFor="invite-affiliation">Delegation or organisation</label>
        <input
          id="invite-affiliation"
          required
          autoComplete="organization"
          placeholder="e.g. Delegation of Kenya"
          value={affiliation}
          onChange={(e) => setAffiliation(e.target.value)}
          maxLength={200}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            Join the draft
          </button>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
      <p className="muted">Your name and affiliation are shown to the group next to your brackets and objections.</p>
    </section>
  );
}
