import { Mark } from '@tiptap/core';
import { Mark as M } from '../../../shared/model/schemaNames';
import { proposerTitle } from '../proposerTitle';

/**
 * Square brackets: unagreed text, attributed to whoever proposed it. `excludes: ''` lets
 * brackets nest (y-tiptap then stores each one as a `bracket--<hash>` key, hashing the
 * attributes in declaration order — keep id, by, byName, at, group). Not inclusive:
 * typing at a bracket's edge is outside it. The '[' and ']' are drawn by
 * draftDecorationsPlugin, which knows the nesting; the span carries the proposer (hover).
 * Pasted content loses its brackets (transformPasted): a paste never carries somebody
 * else's proposal along.
 */
export const BracketMark = Mark.create({
  name: M.bracket,
  excludes: '',
  inclusive: false,
  spanning: true,

  addAttributes() {
    // Rendered as data attributes and parsed back: ProseMirror re-reads its own DOM after
    // some edits (typing over a selection), and a bracket it cannot parse would vanish.
    return {
      id: { default: null, rendered: false },
      by: { default: '', rendered: false },
      byName: { default: '', rendered: false },
      at: { default: 0, rendered: false },
      group: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'span[data-bracket-id]',
        getAttrs: (el) => {
          const at = Number(el.getAttribute('data-at'));
          return {
            id: el.getAttribute('data-bracket-id'),
            by: el.getAttribute('data-by') ?? '',
            byName: el.getAttribute('data-by-name') ?? '',
            at: Number.isFinite(at) ? at : 0,
            group: el.getAttribute('data-group') || null,
          };
        },
      },
    ];
  },

  renderHTML({ mark }) {
    const a = mark.attrs;
    return [
      'span',
      {
        class: a.group ? 'accord-bracket accord-bracket-option' : 'accord-bracket',
        'data-bracket-id': a.id,
        'data-by': a.by,
        'data-by-name': a.byName,
        'data-at': String(a.at),
        ...(a.group ? { 'data-group': a.group } : {}),
        title: proposerTitle(a.byName, a.at),
      },
      0,
    ];
  },
});
