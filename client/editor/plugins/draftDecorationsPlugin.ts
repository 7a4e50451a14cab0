import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Draft, Paragraph } from '../../../shared/model/draft';
import { numberDraft, type ParagraphLabel } from '../../../shared/model/numbering';
import { Node as N } from '../../../shared/model/schemaNames';
import { i18n } from '../../i18n/i18n';
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
export const draftDecorationsKey = new PluginKey<DraftDecorations>('accordDraftDecorations');

interface DraftDecorations {
  set: DecorationSet;
  /** Order, ids, kinds, bis and altGroup of every clause: what the numbers depend on. */
  outline: string;
  labels: Map<string, ParagraphLabel>;
}

/**
 * Typing changes one clause; rebuilding every decoration of a 500-paragraph draft on each
 * keystroke would not keep up. When the outline (hence the numbering) and governance are
 * unchanged, the old set is mapped and only the clauses the transaction touched are redone.
 */
export function draftDecorationsPlugin(): Plugin<DraftDecorations> {
  return new Plugin<DraftDecorations>({
    key: draftDecorationsKey,
    state: {
      init: (_config, state) => build(state.doc, govKey.getState(state)),
      apply: (tr, old, oldState, newState) => {
        const gov = govKey.getState(newState);
        const govChanged = govKey.getState(oldState) !== gov;
        if (!tr.docChanged && !govChanged) return old;
        if (govChanged) return build(newState.doc, gov);
        const signature = outlineSignature(newState.doc);
        if (signature !== old.outline) return build(newState.doc, gov, signature);
        return patch(tr, old, gov);
      },
    },
    props: {
      decorations: (state) => draftDecorationsKey.getState(state)?.set,
    },
  });
}

function build(doc: PMNode, gov: GovState | undefined, signature = outlineSignature(doc)): DraftDecorations {
  const decorations: Decoration[] = [];
  const labels = numberDraft(outline(doc));
  doc.forEach((section, sOffset) => {
    section.forEach((clause, cOffset) => {
      if (clause.type.name !== N.clause) return;
      clauseDecorations(clause, sOffset + 1 + cOffset, labels, gov, decorations);
    });
  });
  return { set: DecorationSet.create(doc, decorations), outline: signature, labels };
}

/** Maps the old decorations and redoes those of the clauses the transaction changed. */
function patch(tr: Transaction, old: DraftDecorations, gov: GovState | undefined): DraftDecorations {
  const doc = tr.doc;
  let set = old.set.map(tr.mapping, doc);
  const touched = new Map<number, PMNode>();
  const touch = (from: number, to: number) => {
    doc.nodesBetween(Math.max(0, from - 1), Math.min(doc.content.size, to + 1), (node, pos) => {
      if (node.type.name === N.clause) {
        touched.set(pos, node);
        return false;
      }
      return node.type.name === N.section || node.type.name === 'doc';
    });
  };
  tr.steps.forEach((step, i) => {
    const rest = tr.mapping.slice(i + 1);
    tr.mapping.maps[i]?.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      touch(rest.map(newStart, -1), rest.map(newEnd, 1));
    });
    // Mark and attribute steps have empty maps but still change a clause (brackets, whole-paragraph bracket).
    const { from, to, pos } = step as { from?: unknown; to?: unknown; pos?: unknown };
    const later = tr.mapping.slice(i);
    if (typeof from === 'number' && typeof to === 'number') touch(later.map(from, -1), later.map(to, 1));
    if (typeof pos === 'number') touch(later.map(pos, -1), later.map(pos, 1));
  });
  for (const [pos, clause] of touched) {
    const end = pos + clause.nodeSize;
    // find() also returns the neighbours' node decorations that merely touch this range.
    set = set.remove(set.find(pos, end).filter((d) => d.from >= pos && d.to <= end));
    const fresh: Decoration[] = [];
    clauseDecorations(clause, pos, old.labels, gov, fresh);
    set = set.add(doc, fresh);
  }
  return { set, outline: old.outline, labels: old.labels };
}

function clauseDecorations(
  clause: PMNode,
  pos: number,
  labels: Map<string, ParagraphLabel>,
  gov: GovState | undefined,
  out: Decoration[],
): void {
  const id = clauseKey(clause, pos);
  const label = labels.get(id);
  const locked = gov?.locked.has(id) ?? false;
  const silencedUntil = gov?.silenced.get(id);
  const status = gov?.statuses[id] ?? 'draft';
  const bracket = clause.attrs.bracket as { byName?: unknown; at?: unknown } | null;
  const classes = [`status-${status}`];
  if (locked) classes.push('is-locked');
  if (silencedUntil !== undefined) classes.push('is-silenced');
  if (bracket) classes.push('is-bracketed');
  if (clause.attrs.altGroup) classes.push('is-alternative');
  const attrs: Record<string, string> = {
    class: classes.join(' '),
    // The clause (its number, status border and lock badge) follows the direction of its text.
    dir: 'auto',
    'data-number': label ? (label.number.startsWith('PP') ? label.number : `${label.number}.`) : '',
  };
  if (label?.option != null) attrs['data-option'] = i18n.t('editor.option', { n: label.option });
  // Status in words beside the number, not by the border colour alone (WCAG 1.4.1).
  if (status !== 'draft') attrs['data-status'] = i18n.t(`status.${status}`);
  if (locked) attrs['data-locked'] = i18n.t('status.locked');
  if (locked || silencedUntil !== undefined) attrs.contenteditable = 'false';
  if (bracket)
    attrs.title = i18n.t('editor.bracketedParagraph', { proposer: proposerTitle(bracket.byName, bracket.at) });
  out.push(Decoration.node(pos, pos + clause.nodeSize, attrs));
  if (silencedUntil !== undefined) {
    // The countdown ticks by itself (<accord-countdown>): the editor is not redrawn every second.
    out.push(
      Decoration.widget(pos + 1, () => silenceBadge(silencedUntil), {
        side: -1,
        key: `silence:${id}:${silencedUntil}`,
        ignoreSelection: true,
      }),
    );
  }
  inlineBracketWidgets(clause, pos, out);
}

function outlineSignature(doc: PMNode): string {
  const parts: string[] = [];
  doc.forEach((section) => {
    parts.push('§');
    section.forEach((c) => {
      if (c.type.name !== N.clause) return;
      parts.push(`${c.attrs.id ?? '?'}:${c.attrs.kind}:${c.attrs.bis}:${c.attrs.altGroup ?? ''}`);
    });
  });
  return parts.join('|');
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
  el.textContent = i18n.t('editor.optionLabel', { n });
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

function silenceBadge(deadline: number): HTMLElement {
  const el = document.createElement('span');
  el.className = 'accord-silence-badge';
  el.contentEditable = 'false';
  const countdown = document.createElement('accord-countdown');
  countdown.deadline = deadline;
  countdown.compact = true;
  el.append(countdown);
  return el;
}
