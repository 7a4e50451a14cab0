import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Draft, Paragraph } from '../../../shared/model/draft';
import { numberDraft } from '../../../shared/model/numbering';
import { Node as N } from '../../../shared/model/schemaNames';
import { bracketExtents, optionNumbers, outermostFirst } from '../bracketExtents';
import { proposerTitle } from '../proposerTitle';
import { type GovState, govKey } from './govState';

/**
 * Everything the editor shows but never stores: paragraph numbers (computed by
 * numberDraft, so "7 bis" and Option labels match the exports), status colour, the lock
 * (and contenteditable=false on locked paragraphs), whole-paragraph brackets, and the
 * '[' ']' of inline brackets with their Option labels. Brackets are drawn as widgets from
 * the computed extents rather than with CSS on the mark spans: ProseMirror nests mark
 * spans in the order marks were added, which is not always the nesting of the brackets.
 */
export const draftDecorationsKey = new PluginKey<DecorationSet>('accordDraftDecorations');

export function draftDecorationsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: draftDecorationsKey,
    state: {
      init: (_config, state) => buildDecorations(state.doc, govKey.getState(state)),
      apply: (tr, old, oldState, newState) => {
        const govChanged = govKey.getState(oldState) !== govKey.getState(newState);
        if (!tr.docChanged && !govChanged) return old;
        return buildDecorations(newState.doc, govKey.getState(newState));
      },
    },
    props: {
      decorations: (state) => draftDecorationsKey.getState(state),
    },
  });
}

export function buildDecorations(doc: PMNode, gov: GovState | undefined): DecorationSet {
  const decorations: Decoration[] = [];
  const labels = numberDraft(outline(doc));
  doc.forEach((section, sOffset) => {
    section.forEach((clause, cOffset) => {
      if (clause.type.name !== N.clause) return;
      const pos = sOffset + 1 + cOffset;
      const id = clauseKey(clause, pos);
      const label = labels.get(id);
      const locked = gov?.locked.has(id) ?? false;
      const status = gov?.statuses[id] ?? 'draft';
      const bracket = clause.attrs.bracket as { byName?: unknown; at?: unknown } | null;
      const classes = [`status-${status}`];
      if (locked) classes.push('is-locked');
      if (bracket) classes.push('is-bracketed');
      if (clause.attrs.altGroup) classes.push('is-alternative');
      const attrs: Record<string, string> = {
        class: classes.join(' '),
        'data-number': label ? (label.number.startsWith('PP') ? label.number : `${label.number}.`) : '',
      };
      if (label?.option != null) attrs['data-option'] = `Option ${label.option}`;
      if (locked) attrs.contenteditable = 'false';
      if (bracket) attrs.title = `Bracketed paragraph. ${proposerTitle(bracket.byName, bracket.at)}`;
      decorations.push(Decoration.node(pos, pos + clause.nodeSize, attrs));
      inlineBracketWidgets(clause, pos, decorations);
    });
  });
  return DecorationSet.create(doc, decorations);
}

/** Opening brackets sort after the cursor, closing ones before it: typing at an edge lands outside. */
function inlineBracketWidgets(clause: PMNode, pos: number, out: Decoration[]): void {
  const extents = bracketExtents(clause, pos);
  if (extents.length === 0) return;
  const options = optionNumbers(extents);
  const sorted = [...extents].sort(outermostFirst);
  const opensAt = new Map<number, number>();
  for (const e of sorted) {
    const i = opensAt.get(e.from) ?? 0;
    opensAt.set(e.from, i + 1);
    const title = proposerTitle(e.attrs.byName, e.attrs.at);
    const option = options.get(e.attrs.id);
    out.push(
      Decoration.widget(e.from, () => bracketChar('[', title, 'open'), {
        side: 10 + 2 * i,
        key: `[${e.attrs.id}:${i}`,
        ignoreSelection: true,
      }),
    );
    if (option !== undefined) {
      out.push(
        Decoration.widget(e.from, () => optionLabel(option), {
          side: 11 + 2 * i,
          key: `o${e.attrs.id}:${option}`,
          ignoreSelection: true,
        }),
      );
    }
  }
  // Closing: innermost first, i.e. the reverse of the outermost-first order among those ending together.
  const closesAt = new Map<number, number>();
  for (const e of [...sorted].reverse()) {
    const i = closesAt.get(e.to) ?? 0;
    closesAt.set(e.to, i + 1);
    out.push(
      Decoration.widget(e.to, () => bracketChar(']', proposerTitle(e.attrs.byName, e.attrs.at), 'close'), {
        side: -100 + i,
        key: `]${e.attrs.id}:${i}`,
        ignoreSelection: true,
      }),
    );
  }
}

function bracketChar(ch: string, title: string, which: 'open' | 'close'): HTMLElement {
  const el = document.createElement('span');
  el.className = `accord-bracket-char accord-bracket-${which}`;
  el.textContent = ch;
  el.title = title;
  el.contentEditable = 'false';
  return el;
}

function optionLabel(n: number): HTMLElement {
  const el = document.createElement('span');
  el.className = 'accord-option-label';
  el.textContent = `Option ${n}:`;
  el.contentEditable = 'false';
  return el;
}

/** A clause's id, or a stand-in until stableIdsPlugin has given it one. */
function clauseKey(clause: PMNode, pos: number): string {
  return (clause.attrs.id as string | null) || `@${pos}`;
}

/** Just enough of the Draft for numberDraft: order, kind, bis, altGroup (no text). */
function outline(doc: PMNode): Draft {
  const draft: Draft = { sections: [] };
  doc.forEach((section, sOffset) => {
    const paragraphs: Paragraph[] = [];
    section.forEach((clause, cOffset) => {
      if (clause.type.name !== N.clause) return;
      paragraphs.push({
        id: clauseKey(clause, sOffset + 1 + cOffset),
        kind: clause.attrs.kind === 'preambular' ? 'preambular' : 'operative',
        bis: clause.attrs.bis === true || clause.attrs.bis === 'true',
        altGroup: (clause.attrs.altGroup as string | null) || null,
        bracket: null,
        blocks: [],
      });
    });
    draft.sections.push({ id: (section.attrs.id as string | null) ?? '', heading: '', paragraphs });
  });
  return draft;
}
