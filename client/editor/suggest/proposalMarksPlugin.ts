import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { spanOffsets } from '../../../shared/model/proposalAnchors';
import { isSpanKind, type Proposal } from '../../../shared/model/proposals';
import { i18n } from '../../i18n/i18n';
import { allClauses } from '../clauseAt';
import { paragraphRuns } from '../paragraphRuns';
import { type GovState, govKey } from '../plugins/govState';
import { isRemoteChange } from '../plugins/isRemoteChange';
import { delegationColor } from './delegationColor';
import { badge, deletionAttrs, insertionWidget } from './suggestionWidgets';

/**
 * Everyone's pending proposals drawn inline like tracked changes: words to delete struck
 * through, words to insert underlined after them, the proposing delegation's code in a badge,
 * in its colour; a whole paragraph to delete is struck through, a new one shown after it.
 *
 * Anchors are Yjs relative positions, resolved against the Yjs document. That document agrees
 * with the editor after a remote change or a governance update (both come from Yjs), not during
 * a local one (the binding writes local edits to Yjs afterwards): so the set is rebuilt on the
 * former and mapped on the latter.
 */
export const proposalMarksKey = new PluginKey<DecorationSet>('accordProposalMarks');

export function proposalMarksPlugin(ydoc: Y.Doc): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: proposalMarksKey,
    state: {
      init: (_c, state) => build(state.doc, govKey.getState(state)?.proposals ?? [], ydoc),
      apply: (tr, old, oldState, newState) => {
        // This plugin's state is computed before govState's (higher priority): read the update itself.
        const pushed = tr.getMeta(govKey) as GovState | undefined;
        const proposals = pushed?.proposals ?? govKey.getState(oldState)?.proposals ?? [];
        const govChanged = pushed !== undefined;
        if (govChanged || (tr.docChanged && isRemoteChange(tr))) return build(newState.doc, proposals, ydoc);
        return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
      },
    },
    props: { decorations: (state) => proposalMarksKey.getState(state) },
  });
}

function codeOf(p: Proposal): string {
  return p.proposer.delegation ?? p.proposer.name;
}

function titleOf(p: Proposal): string {
  const who = p.proposer.delegation ? `${p.proposer.name} (${p.proposer.delegation})` : p.proposer.name;
  return i18n.t('suggest.tabledTitle', { who, kind: i18n.t(`proposals.kinds.${p.kind}`) });
}

function build(doc: PMNode, proposals: readonly Proposal[], ydoc: Y.Doc): DecorationSet {
  if (proposals.length === 0) return DecorationSet.empty;
  const out: Decoration[] = [];
  // Rebuilt on every remote keystroke: find the clauses once, not once per proposal.
  const clauses = new Map(allClauses(doc).map((c) => [c.node.attrs.id as string, c]));
  for (const p of proposals) {
    const clause = clauses.get(p.paragraphId);
    if (!clause) continue;
    const code = codeOf(p);
    const title = titleOf(p);
    const clauseEnd = clause.pos + clause.node.nodeSize;
    if (p.kind === 'deleteParagraph') {
      out.push(Decoration.node(clause.pos, clauseEnd, { class: 'has-proposed-deletion', title }));
      out.push(widgetAt(clause.pos + 2, badgeWidget(code, title), `pdel:${p.id}`));
      continue;
    }
    if (p.kind === 'addParagraph') {
      const at = clauseEnd - 2; // the end of the clause's last textblock
      out.push(
        widgetAt(
          at,
          () => insertionWidget({ text: p.text, code, title, local: false, paragraph: true }),
          `padd:${p.id}`,
        ),
      );
      continue;
    }
    if (!isSpanKind(p.kind) || !p.anchor) continue;
    const offsets = spanOffsets(ydoc, p.anchor, p.paragraphId);
    if (!offsets) continue;
    const runs = paragraphRuns(clause.node, clause.pos);
    // The editor must show the same text Yjs has there, or the marks would land on other words.
    if (runs.text.slice(offsets.from, offsets.to) !== p.quote) continue;
    const from = runs.posOf(offsets.from);
    const to = runs.posOf(offsets.to);
    if (from < to) out.push(Decoration.inline(from, to, deletionAttrs(code, title, false)));
    const text = p.kind === 'delete' ? '' : p.text;
    out.push(widgetAt(to, () => insertionWidget({ text, code, title, local: false }), `p:${p.id}`));
  }
  return DecorationSet.create(doc, out);
}

function badgeWidget(code: string, title: string): () => HTMLElement {
  return () => {
    const wrap = document.createElement('span');
    wrap.className = 'accord-suggest';
    wrap.contentEditable = 'false';
    wrap.style.setProperty('--delegation-color', delegationColor(code));
    wrap.append(badge(code, title));
    return wrap;
  };
}

function widgetAt(pos: number, dom: () => HTMLElement, key: string): Decoration {
  // Before the caret at that position, after the local suggestion's own widget (side -1).
  return Decoration.widget(pos, dom, { side: -2, key, ignoreSelection: true, marks: [] });
}
