import { useEffect, useState } from 'react';
import { apiFetch, errorMessage } from '../api/apiFetch';
import type { AuditAnswer } from '../api/types';

/** The hash-chained audit trail: who did what, and whether the chain is intact. */
export function AuditView({ docId }: { docId: string }) {
  const base = `/api/documents/${encodeURIComponent(docId)}/audit`;
  const [audit, setAudit] = useState<AuditAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    apiFetch<AuditAnswer>(base).then(setAudit, (err: unknown) => setError(errorMessage(err)));
  }, [base]);
  if (error) {
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  }
  if (!audit) return <p>Loading…</p>;
  return (
    <div>
      <p className={audit.chainIntact ? 'ok-text' : 'error'} role="status">
        {audit.chainIntact
          ? 'The audit chain is intact: no entry has been changed or removed.'
          : 'Warning: the audit chain is broken — an entry was changed or removed.'}
      </p>
      <p>
        <a href={`${base}?format=jsonl`} download>
          Download the audit log (JSON Lines)
        </a>
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {[...audit.entries].reverse().map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>{e.actor ?? 'server'}</td>
              <td>{e.action}</td>
              <td>
                <code className="detail">{JSON.stringify(e.detail)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
