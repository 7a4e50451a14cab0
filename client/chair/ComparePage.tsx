import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, dataOf, errorMessage } from '../api/apiClient';
import type { DocumentSummary, Me, RevisionInfo } from '../api/types';
import { AppHeader } from '../app/AppHeader';
import { comparePath, draftPath, navigate } from '../app/router';
import { usePageTitle } from '../app/usePageTitle';
import { currentLanguage, i18n } from '../i18n/i18n';
import { sanitizeHtml } from './sanitizeHtml';

const versionLabel = (revisions: RevisionInfo[], v: string) =>
  v === 'live'
    ? i18n.t('common.liveText')
    : (revisions.find((r) => String(r.number) === v)?.label ?? i18n.t('compare.revision', { n: v }));

/**
 * /d/:id/compare?from=n|live&to=n|live — two versions of a draft compared on a page of their own,
 * so it can be printed (the app's chrome is hidden in print) and its address sent to the group.
 */
export function ComparePage({
  docId,
  from,
  to,
  me,
}: {
  docId: string;
  from: string | null;
  to: string | null;
  me: Me;
}) {
  const { t } = useTranslation();
  // The page's words come from the server: asked for in the language shown, again when it changes.
  const lang = currentLanguage();
  const base = `/api/documents/${encodeURIComponent(docId)}`;
  const [info, setInfo] = useState<DocumentSummary | null>(null);
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null);
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pick, setPick] = useState({ from: from ?? '', to: to ?? 'live' });

  useEffect(() => {
    const doc = { params: { path: { id: docId } } };
    Promise.all([
      dataOf(api.GET('/api/documents/{id}', doc)),
      dataOf(api.GET('/api/documents/{id}/revisions', doc)),
    ]).then(
      ([doc, list]) => {
        setInfo(doc);
        setRevisions(list.revisions);
      },
      (err: unknown) =>
        setError(
          err instanceof ApiError && (err.status === 403 || err.status === 404)
            ? i18n.t('draft.noAccess')
            : errorMessage(err),
        ),
    );
  }, [docId]);

  useEffect(() => {
    setPick({ from: from ?? '', to: to ?? 'live' });
    setHtml(null);
    if (!from || !to) return;
    dataOf(
      api.GET('/api/documents/{id}/compare', {
        params: { path: { id: docId }, query: { from, to, format: 'html', lang } },
        parseAs: 'text',
      }),
    ).then(
      (text) => {
        setError(null);
        setHtml(sanitizeHtml(text));
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [docId, from, to, lang]);

  const title =
    revisions && from && to
      ? t('compare.arrow', { from: versionLabel(revisions, from), to: versionLabel(revisions, to) })
      : t('compare.pageTitle');
  usePageTitle(info ? `${title} — ${info.title}` : title);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(comparePath(docId, pick.from, pick.to));
  };
  const options = [
    ...(revisions ?? []).map((r) => (
      <option key={r.number} value={String(r.number)}>
        {r.label}
      </option>
    )),
    <option key="live" value="live">
      {t('common.liveText')}
    </option>,
  ];

  return (
    <>
      <AppHeader me={me} />
      <main id="main" className="page compare-page">
        <p className="no-print">
          <a
            href={draftPath(docId)}
            onClick={(e) => {
              e.preventDefault();
              navigate(draftPath(docId));
            }}
          >
            <span aria-hidden="true">← </span>
            {t('compare.back')}
          </a>
        </p>
        <h1>
          {info ? `${info.title}${info.symbol ? ` (${info.symbol})` : ''}: ` : ''}
          {title}
        </h1>
        <form onSubmit={submit} className="inline-form no-print" aria-label={t('compare.versions')}>
          <label htmlFor="page-cmp-from">{t('common.from')}</label>
          <select
            id="page-cmp-from"
            value={pick.from}
            onChange={(e) => setPick({ ...pick, from: e.target.value })}
            required
          >
            <option value="" disabled>
              {t('common.choose')}
            </option>
            {options}
          </select>
          <label htmlFor="page-cmp-to">{t('common.to')}</label>
          <select id="page-cmp-to" value={pick.to} onChange={(e) => setPick({ ...pick, to: e.target.value })}>
            {options}
          </select>
          <button type="submit">{t('revisions.compare')}</button>
          <button type="button" onClick={() => window.print()} disabled={html === null}>
            {t('compare.print')}
          </button>
          {from && to && (
            <a
              href={`${base}/compare?${new URLSearchParams({ from, to, format: 'html', download: '1', lang })}`}
              download
            >
              {t('compare.downloadHtml')}
            </a>
          )}
        </form>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {!from || !to ? (
          <p>{t('compare.chooseTwo')}</p>
        ) : html === null ? (
          !error && <p aria-live="polite">{t('compare.comparing')}</p>
        ) : (
          <div
            className="comparison comparison-page"
            data-testid="comparison"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered comparison, sanitised above
            dangerouslySetInnerHTML={{ __html: html }}
          />
        )}
      </main>
    </>
  );
}
