import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { Role } from '../../shared/governance/roles';
import { EDITOR_ROOT } from '../../shared/model/schemaNames';
import { i18n } from '../i18n/i18n';
import { AccordEditing } from './AccordEditing';
import { CommentHighlights } from './CommentHighlights';
import type { Proposer } from './proposer';
import { SuggestionMode } from './SuggestionMode';
import { AccordDocument } from './schema/AccordDocument';
import { BracketMark } from './schema/BracketMark';
import { ClauseNode } from './schema/ClauseNode';
import { SectionHeadingNode } from './schema/SectionHeadingNode';
import { SectionNode } from './schema/SectionNode';

/**
 * The editor schema must match the Yjs tree the server guards and reads (see
 * shared/model/schemaNames.ts): y-tiptap deletes Yjs nodes the schema cannot hold, so a
 * feature the model lacks must not exist here either.
 */
export function createExtensions(opts: {
  doc: Y.Doc;
  provider: WebsocketProvider;
  proposer: Proposer;
  role: Role;
  color: string;
  /** The viewer's delegation code, shown on their suggestions. */
  delegationCode: string | null;
  /** Enter in Propose mode: table the paragraph's suggestion. */
  onTable: (paragraphId: string) => void;
}): Extensions {
  return [
    StarterKit.configure({
      document: false,
      heading: false,
      code: false,
      codeBlock: false,
      blockquote: false,
      strike: false,
      underline: false,
      link: false,
      horizontalRule: false,
      // Collaboration brings its own (Yjs) undo, which only undoes one's own changes.
      undoRedo: false,
      // It would append a paragraph at the end of the document, which must end with a section.
      trailingNode: false,
      // Each list item takes its direction from its own text. Clauses and headings do the same
      // (draftDecorationsPlugin, SectionHeadingNode); paragraphs inside a clause follow their clause:
      // a dir on them would hide their text from the clause's own dir=auto. Rendered only, never a
      // node attribute: TipTap's `textDirection` option would add a `dir` attribute to every node,
      // which Yjs would store and the server's schema guard refuses.
      listItem: { HTMLAttributes: { dir: 'auto' } },
    }),
    AccordDocument,
    SectionNode,
    SectionHeadingNode,
    ClauseNode,
    BracketMark,
    Collaboration.configure({ document: opts.doc, field: EDITOR_ROOT }),
    CollaborationCaret.configure({
      provider: opts.provider,
      // The server replaces `user` with the session's identity for everyone else; this is what we show ourselves.
      user: {
        id: opts.proposer.id,
        name: opts.proposer.name,
        affiliation: opts.proposer.affiliation,
        color: opts.color,
      },
    }),
    AccordEditing.configure({ proposer: opts.proposer, role: opts.role }),
    CommentHighlights.configure({ doc: opts.doc, privateTitle: () => i18n.t('comments.delegationOnly') }),
    SuggestionMode.configure({
      doc: opts.doc,
      identity: () => ({ code: opts.delegationCode ?? opts.proposer.name }),
      onTable: opts.onTable,
      enabled: opts.role !== 'observer',
    }),
  ];
}
