import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/governance/roles';
import { ApiError, api, dataOf, errorMessage } from '../api/apiClient';
import type { RevisionInfo, RevisionSnapshot } from '../api/types';
import { comparePath, navigate } from '../app/router';
import { formatDateTime } from '../i18n/formatDate';
import { currentLanguage, i18n } from '../i18n/i18n';
import { SLOT, withElements } from '../i18n/withElements';
import type { DraftModel } from '../model/useDraftModel';
import { DraftView } from './DraftView';
import { download } from './download';
import { notAgreedLine } from './notAgreedLine';
import { ResolutionImport } from './ResolutionImport';

/** Export formats; their names are `revisions.formats.<value>`. */
const formats = ['docx', 'pdf', 'html', 'md', 'akn'] as const;
/** The facilitator's documents built from the proposals; names are `revisions.proposalDocs.<key>`. */
const proposalDocs = {
  compilationHtml: ['compilation', 'html'],
  compilationDocx: ['compilation', 'docx'],
  tableCsv: ['resolution-table', 'csv'],
  tableDocx: ['resolution-table', 'docx'],
} as const;

/** Which part of the view an error or a confirmation belongs to: it is shown there, next to the button. */
type Part = 'issue' | 'list' | 'compare' | 'export' | 'proposals';

/**
 * Revisions and export for every role: read an issued revision, compare two versions (on their
 * own page), export in every format. Chairs also issue Rev.N and may export an unagreed clean
 * report marked DRAFT; members and observers get the same view without those two controls.
 */
export function RevisionsView({ docId, role, model }: { docId: string; role: Role; model: DraftModel }) {
  const { t } = useTranslation();
  const base = `/api/documents/${encodeURIComponent(docId)}`;
  const isChair = role === 'chair';
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null);
  const [error, setError] = useState<{ part: Part; message: string } | null>(null);
  const [status, setStatus] = useState<{ part: Part; message: string } | null>(null);
  const [note, setNote] = useState('');
  const [opened, setOpened] = useState<{ info: RevisionInfo; snapshot: RevisionSnapshot } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('live');
  const [format, setFormat] = useState<(typeof formats)[number]>('docx');
  const [proposalDoc, setProposalDoc] = useState<keyof typeof proposalDocs>('compilationHtml');
  const [variant, setVariant] = useState<'negotiating' | 'clean'>('negotiating');
  const [exportRevision, setExportRevision] = useState('live');
  const [markDraft, setMarkDraft] = useState(isChair);

  const load = useCallback(() => {
    dataOf(api.GET('/api/documents/{id}/revisions', { params: { path: { id: docId } } })).then(
      (r) => {
        setRevisions(r.revisions);
        const last = r.revisions[r.revisions.length - 1];
        setFrom((f) => f || (last ? String(last.number) : ''));
      },
      (err: unknown) => setError({ part: 'list', message: errorMessage(err) }),
    );
  }, [docId]);
  useEffect(load, [load]);

  const run = async (part: Part, fn: () => Promise<void>) => {
    setError(null);
    setStatus(null);
    try {
      await fn();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const notAgreed = (err.details as { notAgreed?: unknown } | undefined)?.notAgreed;
        const list = Array.isArray(notAgreed) ? notAgreed.map((n) => notAgreedEntry(model, n)).join('; ') : '';
        const message = errorMessage(err);
        setError({ part, message: list ? `${message} ${t('revisions.notAgreed', { list })}` : message });
      } else setError({ part, message: errorMessage(err) });
    }
  };
  /** The error and confirmation of one part, rendered right below its button and scrolled into view. */
  const feedback = (part: Part) => (
    <>
      <div role="alert" className="part-feedback">
        {error?.part === part && (
          <p className="error" ref={intoView}>
            {error.message}
          </p>
        )}
      </div>
      <p role="status" className="ok-text part-feedback">
        {status?.part === part ? status.message : null}
      </p>
    </>
  );

  const issue = (e: FormEvent) => {
    e.preventDefault();
    void run('issue', async () => {
      const r = await dataOf(
        api.POST('/api/documents/{id}/revisions', {
          params: { path: { id: docId } },
          body: note.trim() ? { note: note.trim() } : {},
        }),
      );
      setNote('');
      setStatus({ part: 'issue', message: t('revisions.issued', { label: r.label }) });
      load();
    });
  };

  const open = (info: RevisionInfo) =>
    void run('list', async () =>
      setOpened({
        info,
        snapshot: await dataOf(
          api.GET('/api/documents/{id}/revisions/{n}', { params: { path: { id: docId, n: String(info.number) } } }),
        ),
      }),
    );

  // The comparison has its own page: printable, and a link to send to the group.
  const compare = (e: FormEvent) => {
    e.preventDefault();
    navigate(comparePath(docId, from, to));
  };

  const exportFile = (e: FormEvent) => {
    e.preventDefault();
    void run('export', async () => {
      const q = new URLSearchParams({ format, variant });
      if (exportRevision !== 'live') q.set('revision', exportRevision);
      if (isChair && markDraft) q.set('markDraft', '1');
      // The file's vocabulary (statuses, "Option 1", headers) in the reader's language.
      q.set('lang', currentLanguage());
      await download(`${base}/export?${q}`, `${model.gov.meta.symbol || model.gov.meta.title || 'draft'}.${format}`);
      setStatus({ part: 'export', message: t('revisions.downloadStarted') });
    });
  };

  const exportProposals = (e: FormEvent) => {
    e.preventDefault();
    void run('proposals', async () => {
      const [path, docFormat] = proposalDocs[proposalDoc];
      const q = new URLSearchParams({ format: docFormat, lang: currentLanguage() });
      if (exportRevision !== 'live') q.set('revision', exportRevision);
      await download(`${base}/${path}?${q}`, `${model.gov.meta.symbol || 'draft'}-${path}.${docFormat}`);
      setStatus({ part: 'proposals', message: t('revisions.downloadStarted') });
    });
  };

  const versionOptions = [
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
    <div className="revisions">
      {isChair ? (
        <section aria-labelledby="issue-title">
          <h3 id="issue-title">{t('revisions.issueTitle')}</h3>
          <form onSubmit={issue} className="inline-form">
            <label htmlFor="rev-note">{t('revisions.note')}</label>
            <input id="rev-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
            <button type="submit">{t('revisions.issue')}</button>
          </form>
          {feedback('issue')}
        </section>
      ) : (
        <p className="muted">{t('revisions.chairIssues')}</p>
      )}
      <section aria-labelledby="revlist-title">
        <h3 id="revlist-title">{t('revisions.listTitle')}</h3>
        {revisions === null ? (
          <p>{t('common.loading')}</p>
        ) : revisions.length === 0 ? (
          <p>{t('revisions.none')}</p>
        ) : (
          <ul className="revision-list">
            {revisions.map((r) => (
              <li key={r.number}>
                <strong>
                  <bdi>{r.label}</bdi>
                </strong>{' '}
                — {formatDateTime(r.issuedAt)}
                {r.issuedByName ? (
                  <> {withElements(t('revisions.by', { name: SLOT }), <bdi>{r.issuedByName}</bdi>)}</>
                ) : null}
                {r.note ? (
                  <>
                    {' — '}
                    <bdi>{r.note}</bdi>
                  </>
                ) : null}{' '}
                <button type="button" onClick={() => open(r)} aria-label={t('revisions.openLabel', { label: r.label })}>
                  {t('common.open')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {feedback('list')}
        {opened && (
          <section aria-label={t('revisions.readOnly', { label: opened.info.label })} className="snapshot">
            <h4>
              {t('revisions.readOnly', { label: opened.info.label })}{' '}
              <button type="button" className="link-button" onClick={() => setOpened(null)}>
                {t('common.close')}
              </button>
            </h4>
            <DraftView draft={opened.snapshot.draft} governance={opened.snapshot.governance ?? null} />
          </section>
        )}
      </section>
      <section aria-labelledby="compare-title">
        <h3 id="compare-title">{t('revisions.compareTitle')}</h3>
        <form onSubmit={compare} className="inline-form">
          <label htmlFor="cmp-from">{t('common.from')}</label>
          <select id="cmp-from" value={from} onChange={(e) => setFrom(e.target.value)} required>
            <option value="" disabled>
              {t('common.choose')}
            </option>
            {versionOptions}
          </select>
          <label htmlFor="cmp-to">{t('common.to')}</label>
          <select id="cmp-to" value={to} onChange={(e) => setTo(e.target.value)}>
            {versionOptions}
          </select>
          <button type="submit" disabled={!from}>
            {t('revisions.compare')}
          </button>
        </form>
      </section>
      <section aria-labelledby="export-title">
        <h3 id="export-title">{t('revisions.exportTitle')}</h3>
        <form onSubmit={exportFile} className="inline-form">
          <label htmlFor="exp-format">{t('revisions.format')}</label>
          <select id="exp-format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
            {formats.map((f) => (
              <option key={f} value={f}>
                {t(`revisions.formats.${f}`)}
              </option>
            ))}
          </select>
          <label htmlFor="exp-variant">{t('revisions.text')}</label>
          <select id="exp-variant" value={variant} onChange={(e) => setVariant(e.target.value as typeof variant)}>
            <option value="negotiating">{t('revisions.negotiating')}</option>
            <option value="clean">{t('revisions.clean')}</option>
          </select>
          <label htmlFor="exp-rev">{t('revisions.version')}</label>
          <select id="exp-rev" value={exportRevision} onChange={(e) => setExportRevision(e.target.value)}>
            {versionOptions}
          </select>
          {isChair && (
            <label className="check">
              <input type="checkbox" checked={markDraft} onChange={(e) => setMarkDraft(e.target.checked)} />{' '}
              {t('revisions.markDraft')}
            </label>
          )}
          <button type="submit">{t('revisions.download')}</button>
        </form>
        {feedback('export')}
      </section>
      <section aria-labelledby="proposal-docs-title">
        <h3 id="proposal-docs-title">{t('revisions.proposalsTitle')}</h3>
        <form onSubmit={exportProposals} className="inline-form">
          <label htmlFor="proposal-doc">{t('revisions.document')}</label>
          <select
            id="proposal-doc"
            value={proposalDoc}
            onChange={(e) => setProposalDoc(e.target.value as keyof typeof proposalDocs)}
          >
            {Object.keys(proposalDocs).map((k) => (
              <option key={k} value={k}>
                {t(`revisions.proposalDocs.${k}`)}
              </option>
            ))}
          </select>
          <button type="submit">{t('revisions.downloadDocument')}</button>
        </form>
        {feedback('proposals')}
        {isChair && (
          <>
            <h4>{t('revisions.importTitle')}</h4>
            <ResolutionImport docId={docId} />
          </>
        )}
      </section>
    </div>
  );
}

const intoView = (el: HTMLElement | null) => el?.scrollIntoView({ block: 'nearest' });

function labelOf(model: DraftModel, id: string): string {
  return model.labels.get(id)?.number ?? id;
}

/** One entry of a 409 not_agreed answer, in the reader's language (client/chair/notAgreedLine.ts). */
function notAgreedEntry(model: DraftModel, entry: unknown): string {
  return notAgreedLine(i18n, currentLanguage(), entry, (id) => labelOf(model, id));
}
