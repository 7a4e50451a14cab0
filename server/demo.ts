import { demoComments, demoDelegations, demoDraft, demoProposals } from '../shared/demo/demoDraft.js';
import type { Role } from '../shared/governance/roles.js';
import { paragraphPlainText } from '../shared/model/proposalAnchors.js';
import type { Accord } from './app.js';
import { ADMIN_ID } from './bootstrap.js';
import { opposeProposal } from './governance/commands/opposeProposal.js';
import { supportProposal } from './governance/commands/supportProposal.js';
import { tableProposal } from './governance/commands/tableProposal.js';
import { findClause } from './governance/paragraphs.js';
import { onDocument } from './http/access.js';

export const DEMO_DOC_ID = 'demo';

/** The people whose sign-in links `npm start` prints: one per role, and a second member for the speaker queue. */
const linkFor = new Set(['demo-chair', 'demo-member', 'demo-brazil', 'demo-observer']);

/**
 * The demo `npm start` brings up: the demo draft with its delegations and a few pending
 * proposals with support, and fresh one-time sign-in links for a chair, a member and an
 * observer so each role can be tried in its own browser window.
 */
export async function ensureDemo(accord: Accord): Promise<Array<{ role: Role; name: string; link: string }>> {
  const { store, config } = accord.services;
  const people = demoDelegations.flatMap((d) => d.people.map((p) => ({ ...p, delegation: d })));
  for (const p of people) {
    if (!(await store.users.get(p.id))) await store.users.create(p.name, p.delegation.name, false, p.id);
  }
  let created = false;
  if (!(await store.documents.get(DEMO_DOC_ID))) {
    const demo = demoDraft();
    const admin = await store.users.get(ADMIN_ID);
    if (!admin) throw new Error('the admin must exist before the demo');
    await accord.setup.create(
      admin,
      demo.title,
      demo.symbol,
      { draft: demo.draft, governance: demo.governance },
      DEMO_DOC_ID,
    );
    created = true;
  }
  const existing = new Map((await store.delegations.list(DEMO_DOC_ID)).map((d) => [d.code, d]));
  for (const d of demoDelegations) {
    const delegation = existing.get(d.code) ?? (await store.delegations.create(DEMO_DOC_ID, d.name, d.code, d.kind));
    for (const p of d.people) await store.memberships.setRole(DEMO_DOC_ID, p.id, p.role, delegation.id);
  }
  if (created) {
    await tableDemoProposals(accord);
    await writeDemoComments(accord);
  }
  const links: Array<{ role: Role; name: string; link: string }> = [];
  for (const p of people.filter((p) => linkFor.has(p.id))) {
    const token = await store.credentials.issue(p.id, 'signin_link');
    links.push({
      role: p.role,
      name: `${p.name} (${p.delegation.name})`,
      link: `${config.PUBLIC_URL}/signin/${token}`,
    });
  }
  return links;
}

/** The demo's pending proposals, through the same commands people use (real anchors, real audit). */
async function tableDemoProposals(accord: Accord): Promise<void> {
  const { store, governance, rooms } = accord.services;
  const as = async (userId: string) => {
    const user = await store.users.get(userId);
    const role = user ? await store.memberships.roleOn(DEMO_DOC_ID, user) : null;
    if (!user || !role) throw new Error(`demo person ${userId} is not on the demo draft`);
    return { who: await onDocument(store, DEMO_DOC_ID, user), role };
  };
  const room = await rooms.get(DEMO_DOC_ID);
  const draft = (await import('../shared/model/readDraft.js')).readDraft(room.doc.getXmlFragment('default'));
  for (const spec of demoProposals) {
    const paragraph = draft.sections
      .flatMap((s) => s.paragraphs)
      .find(
        (p) =>
          p.blocks[0]?.type === 'text' &&
          p.blocks[0].runs
            .map((r) => r.text)
            .join('')
            .startsWith(spec.paragraph),
      );
    const clause = paragraph ? findClause(room.doc, paragraph.id) : null;
    if (!paragraph || !clause) throw new Error(`demo proposal: no paragraph "${spec.paragraph}"`);
    const text = paragraphPlainText(clause);
    const at = spec.words ? text.indexOf(spec.words) : -1;
    if (spec.words && at < 0) throw new Error(`demo proposal: no "${spec.words}" in "${spec.paragraph}"`);
    const span =
      spec.kind === 'insert'
        ? { from: at + (spec.words ?? '').length, to: at + (spec.words ?? '').length }
        : spec.words
          ? { from: at, to: at + spec.words.length }
          : {};
    const proposer = await as(spec.by);
    const p = await governance.run(DEMO_DOC_ID, proposer.who, proposer.role, tableProposal, {
      paragraphId: paragraph.id,
      kind: spec.kind,
      text: spec.text,
      justification: spec.justification,
      ...span,
    });
    for (const id of spec.support) {
      const s = await as(id);
      await governance.run(DEMO_DOC_ID, s.who, s.role, supportProposal, { proposalId: p.id });
    }
    for (const id of spec.oppose) {
      const s = await as(id);
      await governance.run(DEMO_DOC_ID, s.who, s.role, opposeProposal, { proposalId: p.id });
    }
  }
}

/** The demo's comments, through the comment service (real anchors, real audit entries without their words). */
async function writeDemoComments(accord: Accord): Promise<void> {
  const { store, comments, rooms } = accord.services;
  const as = async (userId: string) => {
    const user = await store.users.get(userId);
    const role = user ? await store.memberships.roleOn(DEMO_DOC_ID, user) : null;
    if (!user || !role) throw new Error(`demo person ${userId} is not on the demo draft`);
    return { who: await onDocument(store, DEMO_DOC_ID, user), role };
  };
  const room = await rooms.get(DEMO_DOC_ID);
  const draft = (await import('../shared/model/readDraft.js')).readDraft(room.doc.getXmlFragment('default'));
  for (const spec of demoComments) {
    const paragraph = draft.sections
      .flatMap((s) => s.paragraphs)
      .find(
        (p) =>
          p.blocks[0]?.type === 'text' &&
          p.blocks[0].runs
            .map((r) => r.text)
            .join('')
            .startsWith(spec.paragraph),
      );
    const clause = paragraph ? findClause(room.doc, paragraph.id) : null;
    if (!paragraph || !clause) throw new Error(`demo comment: no paragraph "${spec.paragraph}"`);
    const from = paragraphPlainText(clause).indexOf(spec.words);
    if (from < 0) throw new Error(`demo comment: no "${spec.words}" in "${spec.paragraph}"`);
    const author = await as(spec.by);
    const root = await comments.add(DEMO_DOC_ID, author.who, author.role, {
      paragraphId: paragraph.id,
      from,
      to: from + spec.words.length,
      visibility: spec.visibility,
      text: spec.text,
    });
    for (const r of spec.replies) {
      const replier = await as(r.by);
      await comments.reply(DEMO_DOC_ID, replier.who, replier.role, root.id, r.text);
    }
    if (spec.resolvedBy) {
      const resolver = await as(spec.resolvedBy);
      await comments.setResolved(DEMO_DOC_ID, resolver.who, resolver.role, root.id, true);
    }
  }
}
