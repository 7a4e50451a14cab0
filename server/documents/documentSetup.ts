import type { Principal } from '../../shared/governance/roles.js';
import type { Draft } from '../../shared/model/draft.js';
import type { Governance } from '../../shared/model/governance.js';
import { newId } from '../../shared/model/ids.js';
import { EDITOR_ROOT, GOVERNANCE_ROOT } from '../../shared/model/schemaNames.js';
import { writeDraft, writeGovernance } from '../../shared/model/writeDraft.js';
import type { RoomManager } from '../collab/roomManager.js';
import { actor } from '../governance/command.js';
import { recordAgreedText } from '../governance/recordAgreedText.js';
import type { DocumentRecord } from '../store/accountRecords.js';
import type { DocumentRepo } from '../store/repos/documentRepo.js';

/** A draft's starting point: one section with one empty operative paragraph. */
export function blankDraft(): Draft {
  return {
    sections: [
      {
        id: newId('s'),
        heading: 'Section 1',
        paragraphs: [
          {
            id: newId('p'),
            kind: 'operative',
            bis: false,
            altGroup: null,
            bracket: null,
            blocks: [{ type: 'text', runs: [] }],
          },
        ],
      },
    ],
  };
}

/**
 * Creates drafts: the record, the initial text written by the server (so two
 * first visitors never both create a first section), and the `gov` metadata.
 */
export class DocumentSetup {
  constructor(
    private readonly documents: DocumentRepo,
    private readonly rooms: RoomManager,
  ) {}

  async create(
    who: Principal,
    title: string,
    symbol: string | null,
    content: { draft: Draft; governance?: Omit<Governance, 'meta'> } = { draft: blankDraft() },
    id?: string,
  ): Promise<DocumentRecord> {
    const record = await this.documents.create(title, symbol, who.userId, id);
    const room = await this.rooms.get(record.id);
    await room.execute((step) => {
      step.apply(() => {
        writeDraft(step.doc.getXmlFragment(EDITOR_ROOT), content.draft);
        writeGovernance(step.doc.getMap(GOVERNANCE_ROOT), {
          meta: { title, symbol: symbol ?? '' },
          statuses: content.governance?.statuses ?? {},
          locks: content.governance?.locks ?? {},
          objections: content.governance?.objections ?? [],
        });
        recordAgreedText(step.doc, actor(who));
      });
      step.record({ actor: who.userId, action: 'document.create', detail: { title, symbol } });
    });
    return record;
  }
}
