import type { RoomManager } from '../collab/roomManager.js';
import { notFound } from '../http/httpError.js';
import type { RevisionRepo } from '../store/repos/revisionRepo.js';
import { type DraftState, modelOf, modelOfState } from './snapshotModel.js';

export type VersionRef = number | 'live';

export interface DraftVersion extends DraftState {
  /** 'Zero draft', 'Rev.2', or 'Working text' for the live draft. */
  label: string;
  /** When an issued revision was issued; null for the live draft. */
  issuedAt: number | null;
}

/** Reads the live draft or an issued revision as plain data; never writes either. */
export async function draftVersion(
  rooms: RoomManager,
  revisions: RevisionRepo,
  docId: string,
  ref: VersionRef,
): Promise<DraftVersion> {
  if (ref === 'live') {
    const room = await rooms.get(docId);
    return { ...modelOf(room.doc), label: 'Working text', issuedAt: null };
  }
  const rev = await revisions.get(docId, ref);
  if (!rev) throw notFound(`No revision ${ref} of this draft.`);
  return { ...modelOfState(rev.state), label: rev.info.label, issuedAt: rev.info.issuedAt };
}

/** `live`, or a revision number, from a query parameter. */
export function parseVersionRef(raw: string | undefined, fallback: VersionRef): VersionRef | null {
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'live') return 'live';
  return /^\d{1,6}$/.test(raw) ? Number(raw) : null;
}
