import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import type { Comment } from '../../shared/model/comments';
import { spanOffsets } from '../../shared/model/proposalAnchors';
import { allClauses } from './clauseAt';
import { paragraphRuns } from './paragraphRuns';
import { isRemoteChange } from './plugins/isRemoteChange';

/** Set with `tr.setMeta(commentHighlightsKey, threads)`: the open threads I can see, anchored on words. */
interface HighlightState {
  threads: readonly Comment[];
  set: DecorationSet;
}
export const commentHighlightsKey = new PluginKey<HighlightState>('accordCommentHighlights');

/**
 * The words open comment threads are on, highlighted where they are now: anchors are Yjs
 * relative positions (resolved against the Yjs document), so the highlight follows the words
 * through everyone's edits. As for proposals (proposalMarksPlugin.ts), the set is rebuilt when
 * Yjs and the editor agree (a remote change, new threads) and mapped through local edits.
 * A delegation's own threads look different, and say so in their title.
 */
export const CommentHighlights = Extension.create<{ doc: Y.Doc | null; privateTitle: () => string }>({
  name: 'commentHighlights',
  addOptions: () => ({ doc: null, privateTitle: () => '' }),
  addProseMirrorPlugins() {
    const { doc: ydoc, privateTitle } = this.options;
    if (!ydoc) return [];
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: (): HighlightState => ({ threads: [], set: DecorationSet.empty }),
          apply: (tr, old, _oldState, newState) => {
            const pushed = tr.getMeta(commentHighlightsKey) as readonly Comment[] | undefined;
            const threads = pushed ?? old.threads;
            if (pushed !== undefined || (tr.docChanged && isRemoteChange(tr))) {
              return { threads, set: build(newState.doc, threads, ydoc, privateTitle()) };
            }
            return tr.docChanged ? { threads, set: old.set.map(tr.mapping, tr.doc) } : old;
          },
        },
        props: { decorations: (state) => commentHighlightsKey.getState(state)?.set },
      }),
    ];
  },
});

function build(doc: PMNode, threads: readonly Comment[], ydoc: Y.Doc, privateTitle: string): DecorationSet {
  const open = threads.filter((c) => c.id === c.threadId && c.anchor && c.resolved === null);
  if (open.length === 0) return DecorationSet.empty;
  const clauses = new Map(allClauses(doc).map((c) => [c.node.attrs.id as string, c]));
  const out: Decoration[] = [];
  for (const c of open) {
    const clause = clauses.get(c.paragraphId);
    if (!clause || !c.anchor) continue;
    const at = spanOffsets(ydoc, c.anchor, c.paragraphId);
    if (!at || at.from >= at.to) continue;
    const runs = paragraphRuns(clause.node, clause.pos);
    const from = runs.posOf(at.from);
    const to = runs.posOf(at.to);
    if (from >= to) continue;
    const mine = c.visibility === 'delegation';
    out.push(
      Decoration.inline(from, to, {
        class: mine ? 'accord-comment accord-comment-private' : 'accord-comment',
        'data-thread': c.id,
        title: mine ? `${privateTitle} — ${c.author.name}: ${c.text}` : `${c.author.name}: ${c.text}`,
      }),
    );
  }
  return DecorationSet.create(doc, out);
}
