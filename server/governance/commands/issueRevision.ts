import * as Y from 'yjs';
import { can } from '../../../shared/governance/permissions.js';
import type { Principal, Role } from '../../../shared/governance/roles.js';
import type { Room } from '../../collab/room.js';
import { forbidden } from '../../http/httpError.js';
import type { AuditLog } from '../../store/auditLog.js';
import type { RevisionInfo, RevisionStore } from '../../store/revisionStore.js';

/**
 * Issues a revision: a snapshot of the room's state taken in one synchronous step,
 * stored — with its audit entry — in the same transaction as every edit it
 * includes, so a revision never holds text the store does not.
 */
export async function issueRevision(
  room: Room,
  revisions: RevisionStore,
  audit: AuditLog,
  who: Principal,
  role: Role,
  note: string,
): Promise<RevisionInfo> {
  if (!can(role, 'revision.issue')) throw forbidden('Only the chair issues revisions.');
  let info: RevisionInfo | null = null;
  await room.execute((step) => {
    const state = Y.encodeStateAsUpdate(step.doc);
    step.alongside(() => {
      info = revisions.issue(room.id, who.userId, note, state);
      audit.append(room.id, who.userId, 'revision.issue', { number: info.number, label: info.label, note });
    });
  });
  if (!info) throw new Error('the revision was not recorded');
  return info;
}
