import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useRef } from 'react';
import type { Role } from '../../shared/governance/roles';
import { readGovernance } from '../../shared/model/readDraft';
import { GOVERNANCE_ROOT } from '../../shared/model/schemaNames';
import { readSilences } from '../../shared/model/silence';
import type { Me } from '../api/types';
import type { CollabSession } from '../collab/CollabSession';
import { userColor } from '../collab/userColor';
import { i18n } from '../i18n/i18n';
import { PARAGRAPH_FIELD } from '../model/presence';
import { clauseAt } from './clauseAt';
import { createExtensions } from './createExtensions';
import { setGovState } from './plugins/govState';
import { proposalsOnlyParagraphs } from './proposalsOnlyParagraphs';
import { transformPasted } from './transformPasted';
import { transformPastedHTML } from './transformPastedHTML';

/**
 * The TipTap editor bound to one session's Y.Doc. It is created once per session: a new
 * session (after a refused edit or a role change) mounts a new editor on the new doc.
 */
export function DraftEditor({
  session,
  me,
  role,
  onEditor,
  onSelectParagraph,
  delegationCode,
  onTable,
}: {
  session: CollabSession;
  me: Me;
  role: Role;
  onEditor: (editor: Editor | null) => void;
  onSelectParagraph: (id: string | null) => void;
  delegationCode: string | null;
  /** Enter in Propose mode tables the paragraph's suggestion. */
  onTable: (paragraphId: string) => void;
}) {
  // The editor is made once per session; Enter reaches the latest handler through this.
  const tableRef = useRef(onTable);
  tableRef.current = onTable;
  const editor = useEditor(
    {
      extensions: createExtensions({
        doc: session.doc,
        provider: session.provider,
        proposer: { id: me.id, name: me.name, affiliation: me.affiliation },
        role,
        color: userColor(me.id),
        delegationCode,
        onTable: (pid) => tableRef.current(pid),
      }),
      editable: role !== 'observer',
      editorProps: {
        transformPastedHTML,
        transformPasted,
        attributes: {
          class: 'accord-editor',
          'aria-label': role === 'observer' ? i18n.t('draft.editorLabelReadOnly') : i18n.t('draft.editorLabel'),
          'aria-multiline': 'true',
          role: 'textbox',
          spellcheck: 'true',
          lang: 'en',
        },
      },
      onSelectionUpdate: ({ editor: e }) => {
        const clause = clauseAt(e.state.selection.$from);
        const id = (clause?.node.attrs.id as string | null) ?? null;
        onSelectParagraph(id);
        session.provider.awareness.setLocalStateField(PARAGRAPH_FIELD, id);
      },
    },
    [session],
  );

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  useEffect(() => {
    editor?.setEditable(role !== 'observer');
  }, [editor, role]);

  // Server-owned governance → the editor's lock guard and decorations, at once (locks must bite immediately).
  useEffect(() => {
    if (!editor) return;
    const map = session.doc.getMap(GOVERNANCE_ROOT);
    let version = 0;
    let lockedKey = '';
    const push = () => {
      if (editor.isDestroyed) return;
      const gov = readGovernance(map);
      const { silences, frozen } = readSilences(map);
      const deadlines = new Map(silences.map((s) => [s.id, s.deadline]));
      const silenced = new Map<string, number>();
      for (const [pid, sid] of Object.entries(frozen)) silenced.set(pid, deadlines.get(sid) ?? 0);
      const locked = new Set(Object.keys(gov.locks));
      // Frozen paragraphs count as locked for undo too: a silence must not be undone into.
      const key = [...locked, ...silenced.keys()].sort().join(',');
      if (key !== lockedKey) {
        lockedKey = key;
        // Undo must not replay one's own earlier edit into a paragraph that has since been locked.
        const undo = yUndoPluginKey.getState(editor.state) as { undoManager?: { clear(): void } } | undefined;
        undo?.undoManager?.clear();
      }
      editor.view.dispatch(
        setGovState(
          editor.state.tr,
          {
            locked,
            proposalsOnly: proposalsOnlyParagraphs(session.doc, gov, role),
            silenced,
            statuses: gov.statuses,
            proposals: (gov.proposals ?? []).filter((p) => p.state === 'pending'),
          },
          ++version,
        ),
      );
    };
    push();
    map.observeDeep(push);
    // Option labels, status words and bracket titles are drawn in the interface language: redraw them.
    i18n.on('languageChanged', push);
    return () => {
      map.unobserveDeep(push);
      i18n.off('languageChanged', push);
    };
  }, [editor, session, role]);

  return <EditorContent editor={editor} className="editor-host" />;
}
