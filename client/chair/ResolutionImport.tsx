import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../shared/model/resolutionImport';
import { ensureOk, errorMessage } from '../api/apiClient';

/**
 * The chair sends back a filled-in comment-resolution table (CSV): each row with a proposed
 * change becomes a proposal in its delegation's name; the answer is a per-row report, shown as
 * a summary and a table of the refused rows with the reason (the server's detail in English).
 */
export function ResolutionImport({ docId }: { docId: string }) {
  const { t } = useTranslation();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const res = await ensureOk(
        await fetch(`/api/documents/${encodeURIComponent(docId)}/resolution-table/import`, {
          method: 'POST',
          body: form,
        }),
      );
      setReport((await res.json()) as ImportReport);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const refused = report?.outcomes.flatMap((o) => (o.status === 'refused' ? [o] : [])) ?? [];
  return (
    <div className="resolution-import">
      <form onSubmit={submit} className="inline-form">
        <label htmlFor={fileId}>{t('revisions.importFile')}</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="submit" disabled={busy || !file}>
          {t('revisions.importButton')}
        </button>
      </form>
      <div role="alert" className="part-feedback">
        {error && <p className="error">{error}</p>}
      </div>
      <p role="status" className="ok-text part-feedback">
        {report ? t('revisions.importSummary', { created: report.created, refused: report.refused }) : null}
      </p>
      {refused.length > 0 && (
        <table className="import-report">
          <caption>{t('revisions.importRefused')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('revisions.importRow')}</th>
              <th scope="col">{t('revisions.importReason')}</th>
            </tr>
          </thead>
          <tbody>
            {refused.map((o) => (
              <tr key={o.row}>
                <td>{o.row}</td>
                <td>
                  {t(`revisions.importReasons.${o.reason}`)} <span lang="en">({o.message})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
