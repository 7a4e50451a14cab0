import { Node } from '@tiptap/core';

/** The draft: one or more sections (shared/model/schemaNames.ts; the server reads the same tree). */
export const AccordDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'section+',
});
