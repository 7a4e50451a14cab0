import type * as Y from 'yjs';
import { can } from '../../shared/governance/permissions';
import type { Role } from '../../shared/governance/roles';
import type { Governance } from '../../shared/model/governance';
import { WHOLE_DRAFT } from '../../shared/model/proposals';
import { readDraft } from '../../shared/model/readDraft';
import { EDITOR_ROOT } from '../../shared/model/schemaNames';

/**
 * The paragraphs a viewer may only table proposals on (the server refuses their direct edits
 * there): every paragraph of a proposals-only section, or of the whole draft. None for the
 * chair, who still types. Read when governance changes, not on every keystroke.
 */
export function proposalsOnlyParagraphs(doc: Y.Doc, gov: Governance, viewer: Role): ReadonlySet<string> {
  const scopes = gov.proposalsOnly ?? [];
  if (scopes.length === 0 || can(viewer, 'draft.proposalsOnly')) return new Set();
  const ids = new Set<string>();
  for (const s of readDraft(doc.getXmlFragment(EDITOR_ROOT)).sections) {
    if (scopes.includes(WHOLE_DRAFT) || scopes.includes(s.id)) for (const p of s.paragraphs) ids.add(p.id);
  }
  return ids;
}
