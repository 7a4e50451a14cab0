import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftPath, navigate } from '../app/router';
import { i18n } from '../i18n/i18n';
import { localizedMessage } from '../i18n/localizedMessage';

/** What the server answers for an imported draft (201). */
interface Imported {
  id: string;
  title: string;
  sections: number;
  paragraphs: number;
  brackets: number;
}

type FileState =
  | { state: 'waiting' }
  | { state: 'uploading'; loaded: number; total: number }
  | { state: 'importing' }
  | { state: 'done'; draft: Imported }
  | { state: 'failed'; message: string };

interface Row {
  key: string;
  name: string;
  size: number;
  status: FileState;
}

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Sends one file as multipart/form-data with XMLHttpRequest, the browser API that reports upload
 * progress (fetch does not). Resolves with the server's answer, whatever its status.
 */
function upload(
  file: File,
  onProgress: (loaded: number, total: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents/import');
    xhr.responseType = 'json';
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response as unknown });
    xhr.onerror = () => resolve({ status: 0, body: null });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

function errorOf(status: number, body: unknown): string {
  const error = (body as { error?: { message?: unknown; code?: unknown } } | null)?.error;
  if (typeof error?.message === 'string') {
    return localizedMessage(typeof error.code === 'string' ? [`errors.${error.code}`] : [], error.message);
  }
  if (status === 0) return i18n.t('errors.network');
  if (status === 413) return i18n.t('import.tooLarge');
  return i18n.t('errors.http', { status });
}

/**
 * The secretariat imports zero drafts (DOCX or Markdown) from the home page: several files at
 * once, one after the other, each with its own progress and its own result or error, so one bad
 * file does not hide what happened to the others.
 */
export function ImportDrafts({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const update = (key: string, status: FileState) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, status } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const files = [...(input.current?.files ?? [])];
    if (files.length === 0) return;
    const batch = files.map((f, i) => ({
      key: `${Date.now()}-${i}`,
      name: f.name,
      size: f.size,
      status: { state: 'waiting' } as FileState,
    }));
    setRows(batch);
    setBusy(true);
    for (const [i, file] of files.entries()) {
      const key = batch[i]?.key as string;
      if (file.size > MAX_BYTES) {
        // Said at once rather than after sending 10 MB the server will refuse anyway.
        update(key, { state: 'failed', message: i18n.t('import.tooLarge') });
        continue;
      }
      update(key, { state: 'uploading', loaded: 0, total: file.size });
      const res = await upload(file, (loaded, total) =>
        update(key, loaded >= total ? { state: 'importing' } : { state: 'uploading', loaded, total }),
      );
      if (res.status === 201) {
        update(key, { state: 'done', draft: res.body as Imported });
        onImported();
      } else update(key, { state: 'failed', message: errorOf(res.status, res.body) });
    }
    setBusy(false);
    if (input.current) input.current.value = '';
  };

  return (
    <section aria-labelledby="import-title" className="card">
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="muted">{t('import.intro')}</p>
      <form onSubmit={submit} className="form-grid">
        <label htmlFor="import-files">{t('import.files')}</label>
        <input
          id="import-files"
          ref={input}
          type="file"
          multiple
          accept=".docx,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown"
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('import.submit')}
          </button>
        </div>
      </form>
      {rows.length > 0 && (
        <ul className="import-list" aria-label={t('import.list')}>
          {rows.map((r) => (
            <li key={r.key} data-state={r.status.state}>
              <bdi className="import-name">{r.name}</bdi>
              <ImportStatus row={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ImportStatus({ row }: { row: Row }) {
  const { t } = useTranslation();
  const s = row.status;
  switch (s.state) {
    case 'waiting':
      return <span className="muted">{t('import.waiting')}</span>;
    case 'uploading': {
      const percent = s.total > 0 ? Math.round((s.loaded / s.total) * 100) : 0;
      return (
        <span className="import-progress">
          <progress max={100} value={percent} aria-label={t('import.uploading', { name: row.name })} />{' '}
          {t('import.percent', { percent: percent / 100 })}
        </span>
      );
    }
    case 'importing':
      return (
        <span className="import-progress" aria-live="polite">
          <progress max={100} value={100} aria-label={t('import.uploading', { name: row.name })} />{' '}
          {t('import.reading')}
        </span>
      );
    case 'done':
      return (
        <span className="ok-text" role="status">
          {t('import.done', {
            title: s.draft.title,
            sections: s.draft.sections,
            paragraphs: s.draft.paragraphs,
            brackets: s.draft.brackets,
          })}{' '}
          <a
            href={draftPath(s.draft.id)}
            onClick={(e) => {
              e.preventDefault();
              navigate(draftPath(s.draft.id));
            }}
          >
            {t('common.open')}
          </a>
        </span>
      );
    case 'failed':
      return (
        <span className="error" role="alert">
          {s.message}
        </span>
      );
  }
}
