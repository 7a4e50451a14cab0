import { Mark } from '@tiptap/core';
import { Mark as M } from '../../../shared/model/schemaNames';
import { proposerTitle } from '../proposerTitle';

/**
 * Square brackets: unagreed text, attributed to whoever proposed it. `excludes: ''` lets
 * brackets nest (y-tiptap then stores each one as a `bracket--<hash>` key, hashing the
 * attributes in declaration order — keep id, by, byName, at, group). Not inclusive:
 * typing at a bracket's edge is outside it. The '[' and ']' are drawn by
 * bracketDecorations, which knows the nesting; the span carries the proposer (hover).
 */
export const BracketMark = Mark.create({
  name: M.bracket,
  excludes: '',
  inclusive: false,
  spanning: true,

  addAttributes() {
    return {
      id: { default: null, rendered: false },
      by: { default: '', rendered: false },
      byName: { default: '', rendered: false },
      at: { default: 0, rendered: false },
      group: { default: null, rendered: false },
    };
  },

  parseHTML() {
    // Brackets are not pasted as marks: a pasted '[' stays text, so nobody's name is forged.
    return [];
  },

  renderHTML({ mark }) {
    return [
      'span',
      {
        class: mark.attrs.group ? 'accord-bracket accord-bracket-option' : 'accord-bracket',
        'data-bracket-id': mark.attrs.id,
        title: proposerTitle(mark.attrs.byName, mark.attrs.at),
      },
      0,
    ];
  },
});
