import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../api/apiFetch';
import { type GovernanceApi, governanceApi } from '../api/governanceApi';
import type { DocumentSummary, Me } from '../api/types';
import { AppHeader } from '../app/AppHeader';
import { Dialog } from '../app/Dialog';
import { ChairTools } from '../chair/ChairTools';
import { ConnectionBadge } from '../collab/ConnectionBadge';
import { useCollabSession } from '../collab/useCollabSession';
import { LitHost } from '../components/LitHost';
import type { PanelEvents } from '../components/panelTypes';
import { findClause } from '../editor/clauseAt';
import { DraftEditor } from '../editor/DraftEditor';
import { ShortcutsHelp } from '../editor/ShortcutsHelp';
import { Toolbar } from '../editor/Toolbar';
import { dashboardSections, panelParagraph } from '../model/panelParagraph';
import { useDraftModel } from '../model/useDraftModel';
import { usePresence } from '../model/usePresence';
import { roleLabels } from './roleLabels';

/** The live draft: header, toolbar, editor, paragraph panel, consensus dashboard, chair tools. */
export function DraftWorkspace({
  docId,
  info,
  me,
  reloadInfo,
}: {
  docId: string;
  info: DocumentSummary;
  me: Me;
  reloadInfo: () => Promise<void>;
}) {
  const collab = useCollabSession(docId, reloadInfo);
  const { session } = collab;
  const model = useDraftModel(session?.doc ?? null);
  const presence = usePresence(session?.provider.awareness ?? null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const role = info.role;
  const api = useMemo(() => governanceApi(docId), [docId]);

  const title = model.gov.meta.title || info.title;
  const symbol = model.gov.meta.symbol || info.symbol;
  useEffect(() => {
    document.title = `${title} — Accord`;
  }, [title]);

  const panel = useMemo(
    () => panelParagraph(model, selected, { id: me.id, role }, presence),
    [model, selected, me.id, role, presence],
  );
  const sections = useMemo(() => dashboardSections(model), [model]);

  const act = useCallback(
    async (fn: (api: GovernanceApi, pid: string) => Promise<unknown>) => {
      if (!selected) return;
      setBusy(true);
      setActionError(null);
      try {
        await fn(api, selected);
      } catch (err) {
        setActionError(errorMessage(err));
      } finally {
        setBusy(false);
      }
    },
    [api, selected],
  );
  // An error message belongs to the paragraph it was about.
  const select = useCallback((id: string | null) => {
    setSelected((prev) => {
      if (prev !== id) setActionError(null);
      return id;
    });
  }, []);

  const jumpTo = useCallback(
    (paragraphId: string) => {
      select(paragraphId);
      if (!editor) return;
      const clause = findClause(editor.state.doc, paragraphId);
      if (!clause) return;
      editor
        .chain()
        .focus()
        .setTextSelection(clause.pos + 2)
        .run();
      const dom = editor.view.nodeDOM(clause.pos);
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' });
    },
    [editor, select],
  );

  // Keyboard path between the text and the paragraph panel.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.altKey) return;
      if (e.code === 'KeyG') {
        e.preventDefault();
        document.getElementById('paragraph-panel')?.focus();
      } else if (e.code === 'KeyE') {
        e.preventDefault();
        // Directly, not through the focus command, which waits for an animation frame.
        editor?.view.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editor]);

  const panelHandlers = {
    'accord-status': (d: unknown) => act((a, pid) => a.setStatus(pid, (d as PanelEvents['accord-status']).status)),
    'accord-lock': () => act((a, pid) => a.lock(pid)),
    'accord-unlock': (d: unknown) => act((a, pid) => a.unlock(pid, (d as PanelEvents['accord-unlock']).reason)),
    'accord-objection': (d: unknown) => act((a, pid) => a.object(pid, (d as PanelEvents['accord-objection']).reason)),
    'accord-withdraw': (d: unknown) => act((a) => a.withdraw((d as PanelEvents['accord-withdraw']).objectionId)),
    'accord-answer': (d: unknown) => {
      const { objectionId, text } = d as PanelEvents['accord-answer'];
      return act((a) => a.answer(objectionId, text));
    },
  };

  return (
    <>
      <AppHeader me={me}>
        <div className="draft-title">
          <h1>{title}</h1>
          {symbol && <span className="symbol">{symbol}</span>}
          <span className={`role-badge role-${role}`}>You: {roleLabels[role]}</span>
          <ConnectionBadge state={collab} />
        </div>
      </AppHeader>
      <div className="alerts" role="alert">
        {collab.accessLost && <p className="error">{collab.accessLost}</p>}
        {collab.alert && (
          <p className="warning">
            {collab.alert}{' '}
            <button type="button" className="link-button" onClick={collab.dismissAlert}>
              Dismiss
            </button>
          </p>
        )}
      </div>
      <main id="main" className="draft-layout">
        <section className="draft-main" aria-label="Negotiating text">
          {role === 'observer' ? (
            <p className="readonly-note">You are an observer: you follow the text live but cannot change it.</p>
          ) : (
            <Toolbar editor={editor} onHelp={() => setHelpOpen(true)} />
          )}
          {session && collab.synced && !collab.accessLost ? (
            <DraftEditor
              key={session.serial}
              session={session}
              me={me}
              role={role}
              onEditor={setEditor}
              onSelectParagraph={select}
            />
          ) : (
            <p className="loading" aria-live="polite">
              {collab.accessLost ? 'The draft is closed.' : 'Loading the draft…'}
            </p>
          )}
        </section>
        <aside className="side" aria-label="Paragraph, presence and consensus">
          <LitHost tag="accord-presence" props={{ users: presence }} className="card" />
          <section id="paragraph-panel" tabIndex={-1} aria-label="Selected paragraph" className="card">
            <LitHost
              tag="accord-paragraph-panel"
              props={{ paragraph: panel, busy, error: actionError }}
              on={panelHandlers}
            />
          </section>
          <section aria-label="Consensus dashboard" className="card">
            <LitHost
              tag="accord-dashboard"
              props={{ overall: model.rollup.overall, sections }}
              on={{ 'accord-jump': (d) => jumpTo((d as { paragraphId: string }).paragraphId) }}
            />
          </section>
          {role === 'chair' && <ChairTools docId={docId} me={me} model={model} />}
        </aside>
      </main>
      <Dialog open={helpOpen} title="Keyboard shortcuts" onClose={() => setHelpOpen(false)}>
        <ShortcutsHelp />
      </Dialog>
    </>
  );
}
