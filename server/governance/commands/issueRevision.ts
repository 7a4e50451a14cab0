import * as Y from 'yjs';
import { can } from '../../../shared/governance/permissions.js';
import type { Principal, Role } from '../../../shared/governance/roles.js';
import type { Room } from '../../collab/room.js';
import { forbidden } from '../../http/httpError.js';
import type { RevisionInfo } from '../../store/repos/revisionRepo.js';

/**
 * Issues a revision: a snapshot of the room's state taken in one synchronous step,
 * stored — with its audit entry — in the same transaction as every edit it
 * includes, so a revision never holds text the store does not.
 */
export async function issueRevision(room: Room, who: Principal, role: Role, note: string): Promise<RevisionInfo> {
  if (!can(role, 'revision.issue')) throw forbidden('Only the chair issues revisions.');
  let info: RevisionInfo | null = null;
  await room.execute((step) => {
    const state = Y.encodeStateAsUpdate(step.doc);
    // The number is the store's (next under a per-document lock), so the entry is written with it.
    step.alongside(async (tx) => {
      const issued = await tx.revisions.issue(room.id, who.userId, note, state);
      await tx.audit.append(room.id, {
        actor: who.userId,
        action: 'revision.issue',
        detail: { number: issued.number, label: issued.label, note },
      });
      info = issued;
    });
  });
  if (!info) throw new Error('the revision was not recorded');
  return info;
}
