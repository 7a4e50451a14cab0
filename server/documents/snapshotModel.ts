import * as Y from 'yjs';
import type { Draft } from '../../shared/model/draft.js';
import type { Governance } from '../../shared/model/governance.js';
import { readDraft, readGovernance } from '../../shared/model/readDraft.js';
import { EDITOR_ROOT, GOVERNANCE_ROOT } from '../../shared/model/schemaNames.js';

export interface DraftState {
  draft: Draft;
  governance: Governance;
}

/** The draft and its governance as plain data, from a live doc. Read-only: never changes `doc`. */
export function modelOf(doc: Y.Doc): DraftState {
  return { draft: readDraft(doc.getXmlFragment(EDITOR_ROOT)), governance: readGovernance(doc.getMap(GOVERNANCE_ROOT)) };
}

/** The same from a stored state (a revision). */
export function modelOfState(state: Uint8Array): DraftState {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return modelOf(doc);
  } finally {
    doc.destroy();
  }
}
