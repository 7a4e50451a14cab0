/**
 * Names shared by the editor schema (client/editor/extensions), the Yjs
 * reader (readDraft.ts) and the server's update guard. The Yjs document holds
 * the ProseMirror tree under the root `default`:
 *
 *   section[id] > sectionHeading > text
 *               > clause[id, kind, bis, altGroup, bracket] > paragraph | bulletList | orderedList
 *
 * Inline marks: bold, italic, bracket[id, by, byName, at, group] (nestable).
 * The root map `gov` holds server-owned state (governance.ts) and no client may write it.
 */
export const Node = {
  section: 'section',
  sectionHeading: 'sectionHeading',
  clause: 'clause',
  paragraph: 'paragraph',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
} as const;

export const Mark = {
  bold: 'bold',
  italic: 'italic',
  bracket: 'bracket',
} as const;

export const EDITOR_ROOT = 'default';
export const GOVERNANCE_ROOT = 'gov';
/** Server-owned root map: Yjs client id → the user who first wrote with it (server/collab/clientIds.ts). */
export const CLIENT_IDS_ROOT = 'clientIds';
