import { type FormEvent, useEffect, useState } from 'react';
import { apiFetch, errorMessage } from '../api/apiFetch';
import type { DocumentSummary, Me } from '../api/types';
import { draftPath, navigate } from '../app/router';
import { roleLabels } from './roleLabels';

/** "My drafts": every draft I can open, with my role; the secretariat also creates drafts here. */
export function DocumentListPage({ me }: { me: Me }) {
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    apiFetch<{ documents: DocumentSummary[] }>('/api/documents').then(
      (r) => setDocs(r.documents),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, []);
  return (
    <>
      <h1>My drafts</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {docs === null && !error && <p aria-live="polite">Loading your drafts…</p>}
      {docs && docs.length === 0 && (
        <p>You are not a member of any draft yet. Ask the chair of your group for an invitation link.</p>
      )}
      {docs && docs.length > 0 && (
        <ul className="doc-list">
          {docs.map((d) => (
            <li key={d.id}>
              <a
                href={draftPath(d.id)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(draftPath(d.id));
                }}
              >
                {d.title}
              </a>
              {d.symbol && <span className="symbol">{d.symbol}</span>}
              <span className={`role-badge role-${d.role}`}>{roleLabels[d.role]}</span>
            </li>
          ))}
        </ul>
      )}
      {me.isAdmin && <NewDraftForm />}
    </>
  );
}

function NewDraftForm() {
  const [title, setTitle] = useState('');
  const [symbol, setSymbol] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const doc = await apiFetch<{ id: string }>('/api/documents', {
        method: 'POST',
        body: { title, ...(symbol.trim() ? { symbol } : {}) },
      });
      navigate(draftPath(doc.id));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-draft-title" className="card">
      <h2 id="new-draft-title">New draft</h2>
      <form onSubmit={submit} className="form-grid">
        <label htmlFor="new-title">Title</label>
        <input id="new-title" required value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
        <label htmlFor="new-symbol">Document symbol (optional)</label>
        <input
          id="new-symbol"
          value={symbol}
          placeholder="e.g. EG/2026/1"
          onChange={(e) => setSymbol(e.target.value)}
          maxLength={100}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            Create draft
          </button>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
