import { useState } from 'react';
import type { Me } from '../api/types';
import { Dialog } from '../app/Dialog';
import type { DraftModel } from '../model/useDraftModel';
import { AuditView } from './AuditView';
import { MembersView } from './MembersView';
import { RevisionsView } from './RevisionsView';

type Open = 'members' | 'audit' | 'revisions' | null;

/** What only the chair runs: membership and invitations, the audit trail, revisions and exports. */
export function ChairTools({ docId, me, model }: { docId: string; me: Me; model: DraftModel }) {
  const [open, setOpen] = useState<Open>(null);
  return (
    <section className="card chair-tools" aria-labelledby="chair-tools-title">
      <h2 id="chair-tools-title">Chair</h2>
      <div className="button-row">
        <button type="button" onClick={() => setOpen('members')}>
          Members &amp; invitations
        </button>
        <button type="button" onClick={() => setOpen('revisions')}>
          Revisions &amp; export
        </button>
        <button type="button" onClick={() => setOpen('audit')}>
          Audit log
        </button>
      </div>
      <Dialog open={open === 'members'} title="Members and invitations" onClose={() => setOpen(null)} wide>
        <MembersView docId={docId} me={me} />
      </Dialog>
      <Dialog open={open === 'revisions'} title="Revisions and export" onClose={() => setOpen(null)} wide>
        <RevisionsView docId={docId} model={model} />
      </Dialog>
      <Dialog open={open === 'audit'} title="Audit log" onClose={() => setOpen(null)} wide>
        <AuditView docId={docId} />
      </Dialog>
    </section>
  );
}
