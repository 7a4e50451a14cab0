import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextFlag } from '../../shared/model/meetingRoom';
import { CloseCode } from '../../shared/protocol/closeCodes';
import { ApiError, api, dataOf, errorMessage } from '../api/apiClient';
import { useDraftModel } from '../model/useDraftModel';
import { useMeetingRoom } from '../model/useMeetingRoom';
import { ProjectedDraft } from '../room/ProjectedDraft';
import { ProjectionSession } from '../room/ProjectionSession';
import '../styles/projection.css';

/**
 * The meeting room's screen: read-only, large type, following the paragraph the chair (or the
 * designated secretary) is on. Opened by a chair from the draft's tools (`/d/:id/screen`, their
 * own session), or on the room's computer with a screen link (`/screen#<secret>`), which signs
 * nobody in and reads this draft only.
 */
export function ProjectionPage({ docId, token }: { docId: string | null; token: string | null }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<{ docId: string; title: string } | null>(docId ? { docId, title: '' } : null);
  const [error, setError] = useState<string | null>(null);

  // A screen link says which draft it shows; asked over POST so the secret stays out of URLs and logs.
  useEffect(() => {
    if (docId || !token) {
      if (!docId) setError(t('projection.invalid'));
      return;
    }
    dataOf(api.POST('/api/screen', { body: { token } })).then(
      (opened) => setTarget({ docId: opened.docId, title: opened.title }),
      (err: unknown) =>
        setError(err instanceof ApiError && err.status === 404 ? t('projection.invalid') : errorMessage(err)),
    );
  }, [docId, token, t]);

  if (error || !target) {
    return (
      <main id="main" className="projection projection-message">
        <h1>{t('projection.title')}</h1>
        <p role={error ? 'alert' : 'status'}>{error ?? t('projection.connecting')}</p>
      </main>
    );
  }
  return <LiveProjection docId={target.docId} token={token} fallbackTitle={target.title} />;
}

function LiveProjection({
  docId,
  token,
  fallbackTitle,
}: {
  docId: string;
  token: string | null;
  fallbackTitle: string;
}) {
  const { t } = useTranslation();
  const [session, setSession] = useState<ProjectionSession | null>(null);
  const [synced, setSynced] = useState(false);
  const [ended, setEnded] = useState<string | null>(null);
  useEffect(() => {
    const s = new ProjectionSession(
      docId,
      token,
      (code) => setEnded(token && code === CloseCode.unauthorized ? t('projection.revoked') : t('collab.accessLost')),
      () => setSynced(true),
    );
    setSession(s);
    return () => s.destroy();
  }, [docId, token, t]);
  const model = useDraftModel(session?.doc ?? null);
  const room = useMeetingRoom(session?.doc ?? null);
  const title = model.gov.meta.title || fallbackTitle;
  useEffect(() => {
    document.title = t('projection.pageTitle', { title });
  }, [title, t]);

  const next = nextFlag(room);
  return (
    <main id="main" className="projection">
      <header className="projection-header">
        <h1>
          <bdi>{title}</bdi>
          {model.gov.meta.symbol && (
            <bdi className="symbol" dir="ltr">
              {' '}
              {model.gov.meta.symbol}
            </bdi>
          )}
        </h1>
        <p className="projection-floor" data-testid="projection-floor">
          <span>
            <strong>{t('room.floor')}</strong>{' '}
            <bdi>{room.floor ? room.floor.flag.delegationName : t('room.floorNone')}</bdi>
          </span>
          <span>
            <strong>{t('room.next')}</strong> <bdi>{next ? next.delegationName : t('room.nextNone')}</bdi>
          </span>
        </p>
      </header>
      {ended ? (
        <p role="alert" className="projection-message">
          {ended}
        </p>
      ) : !synced ? (
        <p role="status" className="projection-message">
          {t('projection.connecting')}
        </p>
      ) : (
        <>
          {!room.screen && <p className="projection-message">{t('projection.waiting')}</p>}
          <ProjectedDraft model={model} room={room} />
        </>
      )}
    </main>
  );
}
