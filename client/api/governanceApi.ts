import type { ParagraphStatus } from '../../shared/model/governance';
import { apiFetch } from './apiFetch';

/**
 * Governance commands. The server checks role and rules, changes the `gov` map and every
 * client (this one included) sees the result through the live document; the answers
 * here only matter when they are errors.
 */
export function governanceApi(docId: string) {
  const base = `/api/documents/${encodeURIComponent(docId)}`;
  const para = (pid: string) => `${base}/paragraphs/${encodeURIComponent(pid)}`;
  return {
    setStatus: (pid: string, status: ParagraphStatus) =>
      apiFetch(`${para(pid)}/status`, { method: 'POST', body: { status } }),
    lock: (pid: string) => apiFetch(`${para(pid)}/lock`, { method: 'POST', body: {} }),
    unlock: (pid: string, reason: string) => apiFetch(`${para(pid)}/unlock`, { method: 'POST', body: { reason } }),
    object: (pid: string, reason: string) => apiFetch(`${para(pid)}/objections`, { method: 'POST', body: { reason } }),
    withdraw: (oid: string) =>
      apiFetch(`${base}/objections/${encodeURIComponent(oid)}/withdraw`, { method: 'POST', body: {} }),
    answer: (oid: string, text: string) =>
      apiFetch(`${base}/objections/${encodeURIComponent(oid)}/answer`, { method: 'POST', body: { text } }),
  };
}

export type GovernanceApi = ReturnType<typeof governanceApi>;
