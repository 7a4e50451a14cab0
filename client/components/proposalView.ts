import { html, nothing, type TemplateResult } from 'lit';
import type { Actor } from '../../shared/model/governance';
import { delegationKey, mayWithdraw, type Proposal, proposalTypeOf, stanceProblem } from '../../shared/model/proposals';
import { i18n } from '../i18n/i18n';
import type { PanelParagraph, ProposalAction } from './panelTypes';

/** "Ana Souza (BRA)": a person and the delegation they spoke for. */
export function who(a: Actor): string {
  return a.delegation ? `${a.name} (${a.delegation})` : a.affiliation ? `${a.name} (${a.affiliation})` : a.name;
}

/** What a proposal would change, in words: the quoted text and the proposed one. */
function change(p: Proposal): TemplateResult {
  switch (p.kind) {
    case 'insert':
      return html`${i18n.t('proposals.change.insert')} <ins dir="auto">${p.text}</ins>`;
    case 'delete':
      return html`${i18n.t('proposals.change.delete')} <del dir="auto">${p.quote}</del>`;
    case 'replace':
      return html`${i18n.t('proposals.change.replace')} <del dir="auto">${p.quote}</del> ${i18n.t('proposals.change.by')} <ins dir="auto">${p.text}</ins>`;
    case 'addParagraph':
      return html`${i18n.t('proposals.change.addParagraph')} <ins dir="auto">${p.text}</ins>`;
    case 'deleteParagraph':
      return html`${i18n.t('proposals.change.deleteParagraph')}`;
  }
}

/**
 * One proposal in the paragraph panel: proposer and delegation, the change, justification,
 * support and opposition (counts and names), and the buttons the viewer may use. Buttons
 * only ask (`act`); the server decides and everyone sees the result live.
 */
export function proposalView(
  p: Proposal,
  panel: PanelParagraph,
  busy: boolean,
  act: (action: ProposalAction) => void,
  openReject: () => void,
): TemplateResult {
  const me: Actor = {
    id: panel.viewerId,
    name: '',
    affiliation: '',
    ...(panel.viewerDelegation ? { delegation: panel.viewerDelegation } : {}),
  };
  const pending = p.state === 'pending';
  const own = delegationKey(p.proposer) === delegationKey(me);
  const canSupport = pending && panel.canTakeStance && !own && stanceProblem(p, me, 'support') === null;
  const canOppose = pending && panel.canTakeStance && !own && stanceProblem(p, me, 'oppose') === null;
  const names = (list: Proposal['support']) => list.map((s) => who(s.by)).join(i18n.t('common.listSeparator'));
  return html`<li class="proposal ${pending ? '' : 'closed'}" aria-label=${i18n.t('proposals.by', { who: who(p.proposer) })}>
    <div><span class="kind">${i18n.t(`proposals.kinds.${p.kind}`)}</span> <span class="type">(${i18n.t(`proposals.types.${proposalTypeOf(p)}`)})</span> — <bdi class="who">${who(p.proposer)}</bdi>
      ${pending ? nothing : html`<span class="state"> — ${i18n.t(`proposals.states.${p.state}`)}</span>`}</div>
    <p class="change">${change(p)}</p>
    ${p.justification ? html`<p class="muted">${i18n.t('proposals.justification', { text: p.justification })}</p>` : nothing}
    <p class="stances">
      <span>${i18n.t('proposals.supported', { count: p.support.length })}${p.support.length ? html`: ${names(p.support)}` : nothing}</span>;
      <span>${i18n.t('proposals.opposed', { count: p.opposition.length })}${p.opposition.length ? html`: ${names(p.opposition)}` : nothing}</span>
    </p>
    ${p.decision?.reason ? html`<p class="muted">${i18n.t('proposals.reason', { text: p.decision.reason })}</p>` : nothing}
    ${
      pending
        ? html`<div class="row" role="group" aria-label=${i18n.t('proposals.actOn', { who: who(p.proposer) })}>
        ${canSupport ? html`<button type="button" ?disabled=${busy} @click=${() => act('support')}>${i18n.t('proposals.support')}</button>` : nothing}
        ${canOppose ? html`<button type="button" ?disabled=${busy} @click=${() => act('oppose')}>${i18n.t('proposals.oppose')}</button>` : nothing}
        ${mayWithdraw(p, me) ? html`<button type="button" ?disabled=${busy} @click=${() => act('withdraw')}>${i18n.t('proposals.withdraw')}</button>` : nothing}
        ${
          panel.canDecide
            ? html`<button type="button" class="primary" ?disabled=${busy} @click=${() => act('accept')}>${i18n.t('proposals.accept')}</button>
              ${p.kind === 'replace' ? html`<button type="button" ?disabled=${busy} @click=${() => act('alternative')}>${i18n.t('proposals.acceptAlternative')}</button>` : nothing}
              <button type="button" ?disabled=${busy} @click=${openReject}>${i18n.t('proposals.rejectOpen')}</button>`
            : nothing
        }
      </div>`
        : nothing
    }
  </li>`;
}
