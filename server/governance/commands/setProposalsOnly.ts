import * as Y from 'yjs';
import { WHOLE_DRAFT } from '../../../shared/model/proposals.js';
import { EDITOR_ROOT, Node } from '../../../shared/model/schemaNames.js';
import { notFound } from '../../http/httpError.js';
import { actor, type GovernanceCommand } from '../command.js';

export interface ProposalsOnlyInput {
  /** WHOLE_DRAFT ('*') or a section id. */
  scope: string;
  on: boolean;
}

/**
 * The chair sets the whole draft or one section to proposals only (after a first reading):
 * from this step on, members' direct edits there are refused by the update guard
 * (updatePolicy.ts) and only proposals change the text. The chair can still type.
 */
export const setProposalsOnly: GovernanceCommand<ProposalsOnlyInput, { was: boolean }, ProposalsOnlyInput> = {
  permission: 'draft.proposalsOnly',
  forbidden: 'Only the chair sets proposals only.',
  rule(ctx, { scope }) {
    if (scope !== WHOLE_DRAFT) {
      const exists = ctx.doc
        .getXmlFragment(EDITOR_ROOT)
        .toArray()
        .some((s) => s instanceof Y.XmlElement && s.nodeName === Node.section && s.getAttribute('id') === scope);
      if (!exists) throw notFound('No section with this id in the draft.');
    }
    return { was: ctx.gov.proposalsOnly().has(scope) };
  },
  apply(ctx, { scope, on }) {
    ctx.gov.setProposalsOnly(scope, on ? { by: actor(ctx.who), at: ctx.now } : null);
    return { scope, on };
  },
  audit({ scope, on }, { was }) {
    if (was === on) return null;
    return { action: 'draft.proposalsOnly', detail: { scope, on } };
  },
};
