import { Node } from '@tiptap/core';
import { Node as N } from '../../../shared/model/schemaNames';

/** A work area of the draft: a heading and its numbered paragraphs. */
export const SectionNode = Node.create({
  name: N.section,
  content: `${N.sectionHeading} ${N.clause}*`,
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      id: {
        default: null,
        keepOnSplit: false,
        parseHTML: (el) => el.getAttribute('data-id'),
        renderHTML: (attrs) => (attrs.id ? { 'data-id': attrs.id } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'section[data-accord-section]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', { ...HTMLAttributes, 'data-accord-section': '', class: 'accord-section' }, 0];
  },
});
