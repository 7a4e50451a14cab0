import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/governance/roles';
import type { Me } from '../api/types';
import { Dialog } from '../app/Dialog';
import { shortcutLabel } from '../editor/shortcutLabel';
import type { DraftModel } from '../model/useDraftModel';
import { AuditView } from './AuditView';
import { MembersView } from './MembersView';
import { RevisionsView } from './RevisionsView';
import { SilenceTool } from './SilenceTool';

type Tool = 'members' | 'audit' | 'revisions';

/** One keystroke to each tool from anywhere on the draft page (Ctrl+Alt+V, M, L), instead of dozens of Tabs. */
const toolKeys: Record<Tool, { code: string; key: string; aria: string }> = {
  revisions: { code: 'KeyV', key: 'Mod-Alt-v', aria: 'Control+Alt+V' },
  members: { code: 'KeyM', key: 'Mod-Alt-m', aria: 'Control+Alt+M' },
  audit: { code: 'KeyL', key: 'Mod-Alt-l', aria: 'Control+Alt+L' },
};

/**
 * The draft's tools, in the header where everyone finds them: revisions, comparison and export
 * for every role (read-only for members and observers); membership, invitations and the audit
 * trail for the chair.
 */
export function DraftTools({
  docId,
  me,
  role,
  model,
  screen,
}: {
  docId: string;
  me: Me;
  role: Role;
  model: DraftModel;
  /** The chair's tools for the room's screen (client/room/ScreenTools.tsx). */
  screen?: ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Tool | null>(null);
  const [screenOpen, setScreenOpen] = useState(false);
  const isChair = role === 'chair';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.altKey) return;
      const tool = (Object.keys(toolKeys) as Tool[]).find((k) => toolKeys[k].code === e.code);
      if (!tool || (tool !== 'revisions' && !isChair)) return;
      e.preventDefault();
      setOpen(tool);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [isChair]);

  const button = (tool: Tool, text: string) => (
    <button
      type="button"
      data-tool={tool}
      onClick={() => setOpen(tool)}
      aria-keyshortcuts={toolKeys[tool].aria}
      title={t('toolbar.withShortcut', { label: text, keys: shortcutLabel(toolKeys[tool].key) })}
    >
      {text}
    </button>
  );
  return (
    <nav className="draft-tools" aria-label={t('tools.label')}>
      {button('revisions', t('tools.revisions'))}
      {isChair && (
        <>
          {button('members', t('tools.members'))}
          {button('audit', t('tools.audit'))}
          {screen && (
            <button type="button" data-tool="screen" onClick={() => setScreenOpen(true)}>
              {t('room.screen.tool')}
            </button>
          )}
          <SilenceTool docId={docId} model={model} />
        </>
      )}
      <Dialog open={open === 'revisions'} title={t('tools.revisionsTitle')} onClose={() => setOpen(null)} wide>
        <RevisionsView docId={docId} role={role} model={model} />
      </Dialog>
      {isChair && (
        <>
          <Dialog open={open === 'members'} title={t('tools.membersTitle')} onClose={() => setOpen(null)} wide>
            <MembersView docId={docId} me={me} />
          </Dialog>
          <Dialog open={open === 'audit'} title={t('tools.auditTitle')} onClose={() => setOpen(null)} wide>
            <AuditView docId={docId} model={model} />
          </Dialog>
          {screen && (
            <Dialog open={screenOpen} title={t('room.screen.title')} onClose={() => setScreenOpen(false)} wide>
              {screenOpen && screen}
            </Dialog>
          )}
        </>
      )}
    </nav>
  );
}
