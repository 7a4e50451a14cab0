import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, dataOf, errorMessage } from '../api/apiClient';
import type { DocumentDetail, Me } from '../api/types';
import { AppHeader } from '../app/AppHeader';
import '../components/registerComponents';
import '../styles/editor.css';
import { i18n } from '../i18n/i18n';
import { DraftWorkspace } from './DraftWorkspace';

/** /d/:id — loads the draft's record and my role, then opens the live workspace. */
export function DraftPage({ docId, me }: { docId: string; me: Me }) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<DocumentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setInfo(await dataOf(api.GET('/api/documents/{id}', { params: { path: { id: docId } } })));
    } catch (err) {
      setError(
        err instanceof ApiError && (err.status === 403 || err.status === 404)
          ? i18n.t('draft.noAccess')
          : errorMessage(err),
      );
    }
  }, [docId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!info) {
    return (
      <>
        <AppHeader me={me} />
        <main id="main" className="page">
          {error ? (
            <>
              <h1>{t('draft.unavailable')}</h1>
              <p role="alert" className="error">
                {error}
              </p>
              <p>
                <a href="/">{t('draft.backToDrafts')}</a>
              </p>
            </>
          ) : (
            <p aria-live="polite">{t('draft.opening')}</p>
          )}
        </main>
      </>
    );
  }
  return <DraftWorkspace docId={docId} info={info} me={me} reloadInfo={load} />;
}
