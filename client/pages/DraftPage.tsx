import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiFetch, errorMessage } from '../api/apiFetch';
import type { DocumentSummary, Me } from '../api/types';
import { AppHeader } from '../app/AppHeader';
import { DraftWorkspace } from './DraftWorkspace';

/** /d/:id — loads the draft's record and my role, then opens the live workspace. */
export function DraftPage({ docId, me }: { docId: string; me: Me }) {
  const [info, setInfo] = useState<DocumentSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setInfo(await apiFetch<DocumentSummary>(`/api/documents/${encodeURIComponent(docId)}`));
    } catch (err) {
      setError(
        err instanceof ApiError && (err.status === 403 || err.status === 404)
          ? 'This draft does not exist or you do not have access to it.'
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
              <h1>Draft unavailable</h1>
              <p role="alert" className="error">
                {error}
              </p>
              <p>
                <a href="/">Back to your drafts</a>
              </p>
            </>
          ) : (
            <p aria-live="polite">Opening the draft…</p>
          )}
        </main>
      </>
    );
  }
  return <DraftWorkspace docId={docId} info={info} me={me} reloadInfo={load} />;
}
