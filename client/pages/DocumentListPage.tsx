import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf, errorMessage } from '../api/apiClient';
import type { DocumentSummary, Me } from '../api/types';
import { draftPath, navigate } from '../app/router';
import { usePageTitle } from '../app/usePageTitle';
import { ImportDrafts } from './ImportDrafts';
import { roleLabel } from './roleLabels';

/** "My drafts": every draft I can open, with my role; the secretariat also creates drafts here. */
export function DocumentListPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('docList.title'));
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    dataOf(api.GET('/api/documents')).then(
      (r) => setDocs(r.documents),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, []);
  useEffect(load, [load]);
  return (
    <>
      <h1>{t('docList.title')}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {docs === null && !error && <p aria-live="polite">{t('docList.loading')}</p>}
      {docs && docs.length === 0 && <p>{t('docList.none')}</p>}
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
                <bdi>{d.title}</bdi>
              </a>
              {d.symbol && (
                <bdi className="symbol" dir="ltr">
                  {d.symbol}
                </bdi>
              )}
              <span className={`role-badge role-${d.role}`}>{roleLabel(d.role)}</span>
            </li>
          ))}
        </ul>
      )}
      {me.isAdmin && (
        <div className="admin-cards">
          <NewDraftForm />
          <ImportDrafts onImported={load} />
        </div>
      )}
    </>
  );
}

function NewDraftForm() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [symbol, setSymbol] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const doc = await dataOf(api.POST('/api/documents', { body: { title, ...(symbol.trim() ? { symbol } : {}) } }));
      navigate(draftPath(doc.id));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-draft-title" className="card">
      <h2 id="new-draft-title">{t('docList.newDraft')}</h2>
      <form onSubmit={submit} className="form-grid">
        <label htmlFor="new-title">{t('docList.titleField')}</label>
        <input id="new-title" required value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
        <label htmlFor="new-symbol">{t('docList.symbol')}</label>
        <input
          id="new-symbol"
          value={symbol}
          placeholder={t('docList.symbolExample')}
          onChange={(e) => setSymbol(e.target.value)}
          maxLength={100}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('docList.create')}
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
