import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { formatLabel } from '../../shared/model/numbering';
import { DEFAULT_PROPOSAL_TYPE } from '../../shared/model/proposals';
import { readDraft } from '../../shared/model/readDraft';
import { EDITOR_ROOT } from '../../shared/model/schemaNames';
import { errorMessage } from '../api/apiClient';
import { type GovernanceApi, governanceApi } from '../api/governanceApi';
import { meetingRoomApi } from '../api/meetingRoomApi';
import { silenceApi } from '../api/silenceApi';
import type { DocumentDetail, Me } from '../api/types';
import { AppHeader } from '../app/AppHeader';
import { Dialog } from '../app/Dialog';
import { DraftTools } from '../chair/DraftTools';
import { ConnectionBadge } from '../collab/ConnectionBadge';
import { UnsentEdits } from '../collab/UnsentEdits';
import { useCollabSession } from '../collab/useCollabSession';
import { CommentsPanel } from '../comments/CommentsPanel';
import { useComments } from '../comments/useComments';
import { LitHost } from '../components/LitHost';
import type { PanelEvents } from '../components/panelTypes';
import type { SilenceNoticeEvents } from '../components/silenceTypes';
import { commentHighlightsKey } from '../editor/CommentHighlights';
import { findClause } from '../editor/clauseAt';
import { DraftEditor } from '../editor/DraftEditor';
import { ShortcutsHelp } from '../editor/ShortcutsHelp';
import { SuggestionBar, type SuggestionForm } from '../editor/SuggestionBar';
import { type SelectionSpan, selectionSpan } from '../editor/selectionSpan';
import { tableSuggestion } from '../editor/suggest/tableSuggestion';
import { Toolbar } from '../editor/Toolbar';
import { dashboardSections, panelParagraph } from '../model/panelParagraph';
import { silenceNotice } from '../model/silenceNotice';
import { useAnnouncements } from '../model/useAnnouncements';
import { useDraftModel } from '../model/useDraftModel';
import { useMeetingRoom } from '../model/useMeetingRoom';
import { usePresence } from '../model/usePresence';
import { useGovernanceSignal } from '../notifications/useGovernanceSignal';
import { useParagraphFromHash } from '../notifications/useParagraphFromHash';
import { ScreenTools } from '../room/ScreenTools';
import { SpeakerQueue } from '../room/SpeakerQueue';
import { useScreenDriving } from '../room/useScreenDriving';
import { PanelJump } from './PanelJump';
import { roleLabel } from './roleLabels';

/** The live draft: header, toolbar, editor, paragraph panel, consensus dashboard, chair tools. */
export function DraftWorkspace({
  docId,
  info,
  me,
  reloadInfo,
}: {
  docId: string;
  info: DocumentDetail;
  me: Me;
  reloadInfo: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const collab = useCollabSession(docId, reloadInfo, info.collab ?? null);
  const { session } = collab;
  const model = useDraftModel(session?.doc ?? null);
  useGovernanceSignal(session?.doc ?? null);
  const presence = usePresence(session?.provider.awareness ?? null);
  const comments = useComments(docId, session?.provider ?? null);
  const room = useMeetingRoom(session?.doc ?? null);
  const roomApi = useMemo(() => meetingRoomApi(docId), [docId]);
  const [editor, setEditor] = useState<Editor | null>(null);
  useEffect(() => {
    // The editor draws the words of open threads (CommentHighlights.ts).
    if (editor && !editor.isDestroyed)
      editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, comments.comments));
  }, [editor, comments.comments]);
  const [selected, setSelected] = useState<string | null>(null);
  const labelsRef = useRef(model.labels);
  labelsRef.current = model.labels;
  const hasParagraph = useCallback((id: string) => labelsRef.current.has(id), []);
  useParagraphFromHash(collab.synced && model.labels.size > 0, hasParagraph, setSelected);
  const [helpOpen, setHelpOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const role = info.role;
  // Decisions carry the hash of the paragraph as the editor shows it at the click (the live document).
  const liveDoc = useRef<Y.Doc | null>(null);
  liveDoc.current = session?.doc ?? null;
  const api = useMemo(
    () =>
      governanceApi(docId, (pid) => {
        const doc = liveDoc.current;
        if (!doc) return null;
        for (const s of readDraft(doc.getXmlFragment(EDITOR_ROOT)).sections) {
          for (const p of s.paragraphs) if (p.id === pid) return p;
        }
        return null;
      }),
    [docId],
  );

  const title = model.gov.meta.title || info.title;
  const symbol = model.gov.meta.symbol || info.symbol;
  useEffect(() => {
    document.title = t('app.pageTitle', { title });
  }, [title, t]);

  // The selection in proposal coordinates, for "Propose change" (kept while focus is in the panel).
  const [selection, setSelection] = useState<SelectionSpan | null>(null);
  useEffect(() => {
    if (!editor) return;
    const update = () => setSelection(selectionSpan(editor.state));
    editor.on('selectionUpdate', update);
    editor.on('update', update);
    return () => {
      editor.off('selectionUpdate', update);
      editor.off('update', update);
    };
  }, [editor]);
  const delegationCode = info.delegation?.code ?? null;
  useScreenDriving(roomApi, room, { userId: me.id, isChair: role === 'chair' }, selected);
  // The language too: the panel carries translated explanations (why locking is not possible).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a language change must recompute it
  const panel = useMemo(
    () => panelParagraph(model, selected, { id: me.id, role, delegation: delegationCode }, presence, selection),
    [model, selected, me.id, role, delegationCode, presence, selection, i18n.language],
  );
  const sections = useMemo(() => dashboardSections(model), [model]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a language change must recompute it
  const silence = useMemo(() => silenceNotice(model, selected, role), [model, selected, role, i18n.language]);
  const silenceCalls = useMemo(() => silenceApi(docId), [docId]);
  const announcement = useAnnouncements(model, selected, me.id);

  /** Runs a governance action on the paragraph the panel showed when it was asked for (never a later selection). */
  const act = useCallback(
    async (paragraphId: string, fn: (api: GovernanceApi, pid: string) => Promise<unknown>) => {
      setBusy(true);
      setActionError(null);
      try {
        await fn(api, paragraphId);
      } catch (err) {
        setActionError(errorMessage(err));
      } finally {
        setBusy(false);
      }
    },
    [api],
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

  // Suggestion mode: Enter in the text or the bar's button tables the paragraph's suggestion.
  const [suggestForm, setSuggestForm] = useState<SuggestionForm>({ justification: '', type: DEFAULT_PROPOSAL_TYPE });
  const [suggestBusy, setSuggestBusy] = useState(false);
  const [suggestMessage, setSuggestMessage] = useState('');
  const [suggestError, setSuggestError] = useState<string | null>(null);
  const suggestFormRef = useRef(suggestForm);
  suggestFormRef.current = suggestForm;
  const tableHere = useCallback(
    async (paragraphId: string) => {
      if (!editor || suggestBusy) return;
      setSuggestBusy(true);
      setSuggestError(null);
      const { justification, type } = suggestFormRef.current;
      const { tabled, error } = await tableSuggestion(editor, paragraphId, (p) =>
        api.propose(paragraphId, {
          kind: p.kind,
          type,
          from: p.from,
          to: p.to,
          quote: p.quote,
          text: p.text,
          justification,
        }),
      );
      setSuggestBusy(false);
      if (tabled > 0) {
        setSuggestForm({ justification: '', type: DEFAULT_PROPOSAL_TYPE });
        setSuggestMessage(t('suggest.tabled', { count: tabled }));
      }
      if (error) setSuggestError(errorMessage(error));
    },
    [editor, api, suggestBusy, t],
  );
  const labelOf = useCallback((id: string) => {
    const l = labelsRef.current.get(id);
    return l ? formatLabel(l) : '?';
  }, []);

  const panelHandlers = {
    'accord-status': (d: unknown) => {
      const { paragraphId, status } = d as PanelEvents['accord-status'];
      return act(paragraphId, (a, pid) => a.setStatus(pid, status));
    },
    'accord-lock': (d: unknown) => act((d as PanelEvents['accord-lock']).paragraphId, (a, pid) => a.lock(pid)),
    'accord-unlock': (d: unknown) => {
      const { paragraphId, reason } = d as PanelEvents['accord-unlock'];
      return act(paragraphId, (a, pid) => a.unlock(pid, reason));
    },
    'accord-objection': (d: unknown) => {
      const { paragraphId, reason } = d as PanelEvents['accord-objection'];
      return act(paragraphId, (a, pid) => a.object(pid, reason));
    },
    'accord-withdraw': (d: unknown) => {
      const { paragraphId, objectionId } = d as PanelEvents['accord-withdraw'];
      return act(paragraphId, (a) => a.withdraw(objectionId));
    },
    'accord-answer': (d: unknown) => {
      const { paragraphId, objectionId, text } = d as PanelEvents['accord-answer'];
      return act(paragraphId, (a) => a.answer(objectionId, text));
    },
    'accord-propose': (d: unknown) => {
      const { paragraphId, ...body } = d as PanelEvents['accord-propose'];
      return act(paragraphId, (a, pid) => a.propose(pid, body));
    },
    'accord-proposal': (d: unknown) => {
      const { paragraphId, proposalId, action, reason } = d as PanelEvents['accord-proposal'];
      return act(paragraphId, (a) => a.onProposal(proposalId, action, reason));
    },
    'accord-proposals-only': (d: unknown) => {
      const { paragraphId, scope, on } = d as PanelEvents['accord-proposals-only'];
      return act(paragraphId, (a) => a.proposalsOnly(scope, on));
    },
  };

  return (
    <>
      <AppHeader me={me}>
        <div className="draft-title">
          <h1>
            <bdi>{title}</bdi>
          </h1>
          {symbol && (
            <bdi className="symbol" dir="ltr">
              {symbol}
            </bdi>
          )}
          <span className={`role-badge role-${role}`}>{t('draft.you', { role: roleLabel(role) })}</span>
          <ConnectionBadge state={collab} />
        </div>
        <DraftTools
          docId={docId}
          me={me}
          role={role}
          model={model}
          screen={<ScreenTools docId={docId} me={me} room={room} roomApi={roomApi} />}
        />
      </AppHeader>
      <div className="alerts" role="alert">
        {collab.accessLost && <p className="error">{collab.accessLost}</p>}
        {collab.alert && (
          <p className="warning">
            {collab.alert}{' '}
            <button type="button" className="link-button" onClick={collab.dismissAlert}>
              {t('common.dismiss')}
            </button>
          </p>
        )}
      </div>
      <UnsentEdits items={collab.unsent} onDismiss={collab.dismissUnsent} />
      <div className="sr-only" role="status" aria-live="polite" data-testid="announcements">
        {announcement}
      </div>
      <main id="main" className="draft-layout">
        <section className="draft-main" aria-label={t('draft.text')}>
          {role === 'observer' ? (
            <p className="readonly-note">{t('draft.observerNote')}</p>
          ) : (
            <>
              <Toolbar editor={editor} onHelp={() => setHelpOpen(true)} />
              <SuggestionBar
                editor={editor}
                label={labelOf}
                form={suggestForm}
                onForm={setSuggestForm}
                onTable={tableHere}
                busy={suggestBusy}
                message={suggestMessage}
                error={suggestError}
              />
            </>
          )}
          {session && collab.synced && !collab.accessLost ? (
            <DraftEditor
              key={session.serial}
              session={session}
              me={info.delegation ? { ...me, affiliation: info.delegation.name } : me}
              role={role}
              onEditor={setEditor}
              onSelectParagraph={select}
              delegationCode={delegationCode}
              onTable={tableHere}
            />
          ) : (
            <p className="loading" aria-live="polite">
              {collab.accessLost ? t('draft.closed') : t('draft.loading')}
            </p>
          )}
        </section>
        <aside className="side" aria-label={t('draft.side')}>
          <LitHost tag="accord-presence" props={{ users: presence }} className="card" />
          <SpeakerQueue
            api={roomApi}
            room={room}
            role={role}
            delegation={delegationCode}
            selected={selected}
            labels={model.labels}
          />
          {(silence.running.length > 0 || silence.selected) && (
            <section aria-label={t('silence.title')} className="card silence-card">
              <LitHost
                tag="accord-silence-notice"
                props={{ view: silence, busy, error: actionError }}
                on={{
                  'accord-break-silence': (d) => {
                    const { paragraphId, reason } = d as SilenceNoticeEvents['accord-break-silence'];
                    return act(paragraphId, (_a, pid) => silenceCalls.breakOn(pid, reason));
                  },
                }}
              />
            </section>
          )}
          <section id="paragraph-panel" tabIndex={-1} aria-label={t('draft.selectedParagraph')} className="card">
            <LitHost
              tag="accord-paragraph-panel"
              props={{ paragraph: panel, busy, error: actionError }}
              on={panelHandlers}
            />
          </section>
          <CommentsPanel
            state={comments}
            selected={selected}
            selection={selection}
            me={me.id}
            role={role}
            delegation={delegationCode}
            labelOf={labelOf}
          />
          <section aria-label={t('draft.consensus')} className="card">
            <LitHost
              tag="accord-dashboard"
              props={{ overall: model.rollup.overall, sections }}
              on={{ 'accord-jump': (d) => jumpTo((d as { paragraphId: string }).paragraphId) }}
            />
          </section>
        </aside>
      </main>
      <PanelJump paragraph={panel} onBack={() => selected && jumpTo(selected)} />
      <Dialog open={helpOpen} title={t('shortcuts.title')} onClose={() => setHelpOpen(false)}>
        <ShortcutsHelp />
      </Dialog>
    </>
  );
}
