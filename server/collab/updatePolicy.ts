import { EDITOR_ROOT } from '../../shared/model/schemaNames.js';
import type { Notice } from '../../shared/protocol/notice.js';
import type { Connection } from './connection.js';
import type { LockIndex } from './lockIndex.js';
import type { UpdateFacts } from './updateInspection.js';

/**
 * What the server refuses, whatever a client sends. Checked on the facts of an
 * update before any of it is applied; a refused update is not applied, stored
 * or broadcast, and the whole update is refused (never half-applied).
 */
export function updatePolicy(facts: UpdateFacts, conn: Connection, locks: LockIndex): Notice | null {
  if (facts.unknownReference) {
    return refuse(
      'unknown_reference',
      'The update refers to content the server does not have; reload the draft to resynchronise.',
    );
  }
  if (!conn.permissions.edit) {
    return refuse(
      'read_only',
      `As ${conn.role === 'observer' ? 'an observer' : conn.role} you cannot change this draft.`,
    );
  }
  for (const root of facts.roots) {
    if (root !== EDITOR_ROOT) {
      return refuse('server_owned', 'Statuses, locks and objections can only be changed through their commands.');
    }
  }
  if (facts.foreignNames.size > 0) {
    return refuse(
      'malformed_update',
      `The draft cannot hold this content (unknown element or malformed attribute: ${[...facts.foreignNames].join(', ')}).`,
    );
  }
  const locked = [...facts.paragraphs].filter((id) => locks.isLocked(id));
  if (locked.length > 0 || facts.deletesProtectedContainer) {
    return {
      kind: 'update_refused',
      code: 'paragraph_locked',
      message:
        locked.length > 0
          ? 'This change touches a paragraph the chair has locked; a chair must unlock it first.'
          : 'This change would delete a section that holds a locked paragraph.',
      paragraphIds: locked,
    };
  }
  for (const id of facts.newParagraphIds) {
    if (locks.isLocked(id)) {
      return {
        kind: 'update_refused',
        code: 'duplicate_paragraph_id',
        message: 'A new paragraph cannot take the id of a locked paragraph.',
        paragraphIds: [id],
      };
    }
  }
  return null;
}

function refuse(code: Notice['code'], message: string): Notice {
  return { kind: 'update_refused', code, message };
}
