import { Node } from '@tiptap/core';
import { Node as N } from '../../../shared/model/schemaNames';

/**
 * A numbered paragraph of the negotiating text. Its number is never stored (it is
 * rendered from numberDraft by numberingPlugin); `id` is the stable key that statuses,
 * locks and objections refer to. Attribute order matters: it is the order the server and
 * writeDraft use (id, kind, bis, altGroup, bracket).
 */
export const ClauseNode = Node.create({
  name: N.clause,
  content: `(${N.paragraph} | ${N.bulletList} | ${N.orderedList})+`,
  defining: true,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-id'),
        renderHTML: (attrs) => (attrs.id ? { 'data-id': attrs.id } : {}),
      },
      kind: {
        default: 'operative',
        parseHTML: (el) => (el.getAttribute('data-kind') === 'preambular' ? 'preambular' : 'operative'),
        renderHTML: (attrs) => ({ 'data-kind': attrs.kind }),
      },
      bis: {
        default: false,
        keepOnSplit: false,
        parseHTML: (el) => el.getAttribute('data-bis') === 'true',
        renderHTML: (attrs) => (attrs.bis ? { 'data-bis': 'true' } : {}),
      },
      altGroup: {
        default: null,
        keepOnSplit: false,
        parseHTML: (el) => el.getAttribute('data-alt-group'),
        renderHTML: (attrs) => (attrs.altGroup ? { 'data-alt-group': attrs.altGroup } : {}),
      },
      bracket: {
        default: null,
        keepOnSplit: false,
        // Round-trips through the DOM (ProseMirror re-reads it after some edits); dropped on paste.
        parseHTML: (el) => parseBracket(el.getAttribute('data-bracket')),
        renderHTML: (attrs) => (attrs.bracket ? { 'data-bracket': JSON.stringify(attrs.bracket) } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-accord-clause]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', { ...HTMLAttributes, 'data-accord-clause': '', class: 'accord-clause' }, 0];
  },
});

function parseBracket(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
