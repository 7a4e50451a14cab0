import { paragraphHash } from '../../shared/governance/paragraphHash.js';
import { isAgreed } from '../../shared/model/statusRules.js';
import type { ClientUpdateHook } from '../collab/room.js';
import { GovMap } from './govMap.js';
import { readParagraph } from './paragraphs.js';

/**
 * "Agreed" means agreed on this text. Called in the room right after a client's
 * update is applied (same synchronous step, before anything is stored or
 * broadcast): every agreed or agreed-ad-referendum paragraph the update touched
 * whose content hash no longer matches its agreement goes back to "under
 * negotiation". The status change is stored in the same transaction as the edit,
 * reaches everyone with it, and its audit entry names the person whose edit it was.
 *
 * Cost: only the touched paragraphs that are agreed are read and hashed.
 */
export function reopenChangedAgreements(): ClientUpdateHook {
  return (room, conn, facts) => {
    const gov = new GovMap(room.doc);
    const reopen: Array<{ paragraphId: string; from: string }> = [];
    for (const paragraphId of facts.paragraphs) {
      const status = gov.status(paragraphId);
      if (!isAgreed(status)) continue;
      const p = readParagraph(room.doc, paragraphId);
      if (!p) continue; // deleted with the update: nothing left to agree on
      // Without a recorded agreement (drafts stored before agreements were recorded), any change reopens.
      if (gov.agreement(paragraphId)?.textHash === paragraphHash(p)) continue;
      reopen.push({ paragraphId, from: status });
    }
    if (reopen.length === 0) return;
    room.step((step) => {
      step.apply(() => {
        for (const { paragraphId } of reopen) {
          gov.setStatus(paragraphId, 'under_negotiation');
          gov.setAgreement(paragraphId, null);
        }
      });
      for (const { paragraphId, from } of reopen) {
        step.record({
          actor: conn.principal.userId,
          action: 'status.reopen',
          detail: { paragraphId, from, to: 'under_negotiation', reason: 'text_changed' },
        });
      }
    });
  };
}
