import { paragraphHash } from '../../shared/governance/paragraphHash';
import type { Paragraph } from '../../shared/model/draft';
import type { ParagraphStatus } from '../../shared/model/governance';
import type { PanelEvents, ProposalAction } from '../components/panelTypes';
import { api, dataOf } from './apiClient';

/**
 * Governance commands. The server checks role and rules, changes the `gov` map and every
 * client (this one included) sees the result through the live document; the answers
 * here only matter when they are errors.
 *
 * A lock or a status change carries the content hash of the paragraph as this client
 * shows it (`seen`): if someone changed the text in the meantime, the server refuses
 * with 409 `text_changed` instead of recording a decision on text the chair never saw.
 */
export function governanceApi(docId: string, seen: (paragraphId: string) => Paragraph | null) {
  const paragraph = (pid: string) => ({ params: { path: { id: docId, pid } } });
  const objection = (oid: string) => ({ params: { path: { id: docId, oid } } });
  const seenHash = (pid: string) => {
    const p = seen(pid);
    return p ? { textHash: paragraphHash(p) } : {};
  };
  return {
    setStatus: (pid: string, status: ParagraphStatus) =>
      dataOf(
        api.POST('/api/documents/{id}/paragraphs/{pid}/status', {
          ...paragraph(pid),
          body: { status, ...seenHash(pid) },
        }),
      ),
    lock: (pid: string) =>
      dataOf(api.POST('/api/documents/{id}/paragraphs/{pid}/lock', { ...paragraph(pid), body: seenHash(pid) })),
    unlock: (pid: string, reason: string) =>
      dataOf(api.POST('/api/documents/{id}/paragraphs/{pid}/unlock', { ...paragraph(pid), body: { reason } })),
    object: (pid: string, reason: string) =>
      dataOf(api.POST('/api/documents/{id}/paragraphs/{pid}/objections', { ...paragraph(pid), body: { reason } })),
    withdraw: (oid: string) => dataOf(api.POST('/api/documents/{id}/objections/{oid}/withdraw', objection(oid))),
    answer: (oid: string, text: string) =>
      dataOf(api.POST('/api/documents/{id}/objections/{oid}/answer', { ...objection(oid), body: { text } })),
    propose: (pid: string, body: Omit<PanelEvents['accord-propose'], 'paragraphId'>) =>
      dataOf(api.POST('/api/documents/{id}/paragraphs/{pid}/proposals', { ...paragraph(pid), body })),
    onProposal: (proposalId: string, action: ProposalAction, reason?: string) => {
      const proposal = { params: { path: { id: docId, pid: proposalId } } };
      if (action === 'reject') {
        return dataOf(
          api.POST('/api/documents/{id}/proposals/{pid}/reject', { ...proposal, body: reason ? { reason } : {} }),
        );
      }
      return dataOf(api.POST(`/api/documents/{id}/proposals/{pid}/${action}`, proposal));
    },
    proposalsOnly: (scope: string, on: boolean) =>
      dataOf(api.POST('/api/documents/{id}/proposals-only', { params: { path: { id: docId } }, body: { scope, on } })),
  };
}

export type GovernanceApi = ReturnType<typeof governanceApi>;
