import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError, apiFetch, errorMessage } from '../api/apiFetch';
import type { RevisionInfo, RevisionSnapshot } from '../api/types';
import type { DraftModel } from '../model/useDraftModel';
import { DraftView } from './DraftView';
import { download } from './download';
import { sanitizeHtml } from './sanitizeHtml';

const formats = [
  { value: 'docx', label: 'Word (DOCX)' },
  { value: 'pdf', label: 'PDF' },
  { value: 'html', label: 'HTML' },
  { value: 'md', label: 'Markdown' },
  { value: 'akn', label: 'Akoma Ntoso XML (AKN4UN)' },
] as const;

/** Issue Rev.N, read an issued revision, compare two versions, export in every format. */
export function RevisionsView({ docId, model }: { docId: string; model: DraftModel }) {
  const base = `/api/documents/${encodeURIComponent(docId)}`;
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [opened, setOpened] = useState<{ info: RevisionInfo; snapshot: RevisionSnapshot } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('live');
  const [comparison, setComparison] = useState<string | null>(null);
  const [format, setFormat] = useState<(typeof formats)[number]['value']>('docx');
  const [variant, setVariant] = useState<'negotiating' | 'clean'>('negotiating');
  const [exportRevision, setExportRevision] = useState('live');
  const [markDraft, setMarkDraft] = useState(true);

  const load = useCallback(() => {
    apiFetch<{ revisions: RevisionInfo[] }>(`${base}/revisions`).then(
      (r) => {
        setRevisions(r.revisions);
        const last = r.revisions[r.revisions.length - 1];
        setFrom((f) => f || (last ? String(last.number) : ''));
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [base]);
  useEffect(load, [load]);

  const run = async (fn: () => Promise<void>) => {
    setError(null);
    setStatus(null);
    try {
      await fn();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const notAgreed = (err.details as { notAgreed?: unknown } | undefined)?.notAgreed;
        const list = Array.isArray(notAgreed) ? notAgreed.map((n) => notAgreedLine(model, n)).join('; ') : '';
        setError(`${err.message}${list ? ` Not agreed: ${list}.` : ''}`);
      } else setError(errorMessage(err));
    }
  };

  const issue = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await apiFetch<{ label: string }>(`${base}/revisions`, {
        method: 'POST',
        body: note.trim() ? { note: note.trim() } : {},
      });
      setNote('');
      setStatus(`${r.label} issued.`);
      load();
    });
  };

  const open = (info: RevisionInfo) =>
    void run(async () =>
      setOpened({ info, snapshot: await apiFetch<RevisionSnapshot>(`${base}/revisions/${info.number}`) }),
    );

  const compare = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const q = new URLSearchParams({ from, to, format: 'html' });
      const res = await fetch(`${base}/compare?${q}`, { credentials: 'same-origin' });
      if (!res.ok) {
        await apiFetch(`${base}/compare?${q}`); // rethrows the server's error message
        return;
      }
      setComparison(sanitizeHtml(await res.text()));
    });
  };

  const exportFile = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const q = new URLSearchParams({ format, variant });
      if (exportRevision !== 'live') q.set('revision', exportRevision);
      if (markDraft) q.set('markDraft', '1');
      await download(`${base}/export?${q}`, `${model.gov.meta.symbol || model.gov.meta.title || 'draft'}.${format}`);
      setStatus('Download started.');
    });
  };

  const versionOptions = [
    ...(revisions ?? []).map((r) => (
      <option key={r.number} value={String(r.number)}>
        {r.label}
      </option>
    )),
    <option key="live" value="live">
      Live text
    </option>,
  ];

  return (
    <div className="revisions">
      <div role="alert">{error && <p className="error">{error}</p>}</div>
      <p role="status" className="ok-text">
        {status}
      </p>
      <section aria-labelledby="issue-title">
        <h3 id="issue-title">Issue a revision</h3>
        <form onSubmit={issue} className="inline-form">
          <label htmlFor="rev-note">Note (optional)</label>
          <input id="rev-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          <button type="submit">Issue revision</button>
        </form>
      </section>
      <section aria-labelledby="revlist-title">
        <h3 id="revlist-title">Issued revisions</h3>
        {revisions === null ? (
          <p>Loading…</p>
        ) : revisions.length === 0 ? (
          <p>No revision issued yet.</p>
        ) : (
          <ul className="revision-list">
            {revisions.map((r) => (
              <li key={r.number}>
                <strong>{r.label}</strong> — {new Date(r.issuedAt).toLocaleString()}
                {r.issuedByName ? ` by ${r.issuedByName}` : ''}
                {r.note ? ` — ${r.note}` : ''}{' '}
                <button type="button" onClick={() => open(r)} aria-label={`Open ${r.label} (read only)`}>
                  Open
                </button>
              </li>
            ))}
          </ul>
        )}
        {opened && (
          <section aria-label={`${opened.info.label} (read only)`} className="snapshot">
            <h4>
              {opened.info.label} (read only){' '}
              <button type="button" className="link-button" onClick={() => setOpened(null)}>
                Close
              </button>
            </h4>
            <DraftView draft={opened.snapshot.draft} governance={opened.snapshot.governance ?? null} />
          </section>
        )}
      </section>
      <section aria-labelledby="compare-title">
        <h3 id="compare-title">Compare</h3>
        <form onSubmit={compare} className="inline-form">
          <label htmlFor="cmp-from">From</label>
          <select id="cmp-from" value={from} onChange={(e) => setFrom(e.target.value)} required>
            <option value="" disabled>
              Choose…
            </option>
            {versionOptions}
          </select>
          <label htmlFor="cmp-to">To</label>
          <select id="cmp-to" value={to} onChange={(e) => setTo(e.target.value)}>
            {versionOptions}
          </select>
          <button type="submit">Compare</button>
        </form>
        {comparison !== null && (
          <div
            className="comparison"
            data-testid="comparison"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered comparison, sanitised above
            dangerouslySetInnerHTML={{ __html: comparison }}
          />
        )}
      </section>
      <section aria-labelledby="export-title">
        <h3 id="export-title">Export</h3>
        <form onSubmit={exportFile} className="inline-form">
          <label htmlFor="exp-format">Format</label>
          <select id="exp-format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
            {formats.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
          <label htmlFor="exp-variant">Text</label>
          <select id="exp-variant" value={variant} onChange={(e) => setVariant(e.target.value as typeof variant)}>
            <option value="negotiating">Negotiating text (brackets, options, statuses)</option>
            <option value="clean">Clean report (agreed text, renumbered)</option>
          </select>
          <label htmlFor="exp-rev">Version</label>
          <select id="exp-rev" value={exportRevision} onChange={(e) => setExportRevision(e.target.value)}>
            {versionOptions}
          </select>
          <label className="check">
            <input type="checkbox" checked={markDraft} onChange={(e) => setMarkDraft(e.target.checked)} /> Mark as draft
          </label>
          <button type="submit">Download</button>
        </form>
      </section>
    </div>
  );
}

function labelOf(model: DraftModel, id: string): string {
  return model.labels.get(id)?.number ?? id;
}

/** One entry of a 409 not_agreed answer: `{ paragraphId, number, reasons }` → "paragraph 4 (open brackets)". */
function notAgreedLine(model: DraftModel, entry: unknown): string {
  const e = (typeof entry === 'object' && entry !== null ? entry : {}) as {
    paragraphId?: unknown;
    number?: unknown;
    reasons?: unknown;
  };
  const number = typeof e.number === 'string' ? e.number : labelOf(model, String(e.paragraphId));
  const reasons = Array.isArray(e.reasons) ? ` (${e.reasons.map(String).join(', ')})` : '';
  return `paragraph ${number}${reasons}`;
}
