import { Node } from '@tiptap/core';
import { Node as N } from '../../../shared/model/schemaNames';

/** A section's title: plain text only (the model stores it as a string). */
export const SectionHeadingNode = Node.create({
  name: N.sectionHeading,
  content: 'text*',
  marks: '',
  defining: true,

  parseHTML() {
    return [{ tag: 'h2[data-accord-heading]' }];
  },

  renderHTML() {
    // dir=auto: a heading in Arabic reads right to left whatever the interface language (never stored).
    return ['h2', { 'data-accord-heading': '', class: 'accord-section-heading', dir: 'auto' }, 0];
  },
});
