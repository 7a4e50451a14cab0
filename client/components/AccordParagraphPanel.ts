import { css, html, LitElement, nothing } from 'lit';
import type { Objection } from '../../shared/model/governance';
import {
  DEFAULT_PROPOSAL_TYPE,
  type ProposalKind,
  type ProposalType,
  proposalKinds,
  proposalTypes,
  WHOLE_DRAFT,
} from '../../shared/model/proposals';
import { formatDateTime } from '../i18n/formatDate';
import { i18n } from '../i18n/i18n';
import { isolate } from '../i18n/isolate';
import { LocalizeController } from '../i18n/LocalizeController';
import type { PanelEvents, PanelParagraph, ProposalAction } from './panelTypes';
import { proposalView } from './proposalView';

/**
 * `<accord-paragraph-panel .paragraph=${…}>`: the selected paragraph's number, status,
 * lock, objections and who is on it, with the actions the viewer's role allows. It only
 * asks (CustomEvents `accord-status`, `accord-lock`, `accord-unlock`, `accord-objection`,
 * `accord-withdraw`, `accord-answer`); the host calls the server, whose answer comes
 * back through the live document. Reasons are asked for in forms, never with prompt().
 */
export class AccordParagraphPanel extends LitElement {
  static override properties = {
    paragraph: { attribute: false },
    busy: { type: Boolean },
    error: { type: String },
    openForm: { state: true },
    proposeKind: { state: true },
  };

  static override styles = css`
    :host { display: block; font-size: 0.95rem; color: #111827; }
    h2 { font-size: 1.05rem; margin: 0 0 0.5rem; }
    h3 { font-size: 0.95rem; margin: 1rem 0 0.35rem; }
    p { margin: 0.35rem 0; }
    .muted { color: #4b5563; }
    .row { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
    button {
      font: inherit; font-size: 0.9rem; padding: 0.3rem 0.7rem; border-radius: 6px; cursor: pointer;
      border: 1px solid #1e3a8a; background: #fff; color: #1e3a8a;
    }
    button.primary { background: #1e3a8a; color: #fff; }
    button:disabled { opacity: 0.55; cursor: not-allowed; }
    button:focus-visible, textarea:focus-visible, select:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    textarea { width: 100%; box-sizing: border-box; font: inherit; min-height: 4rem; }
    label { display: block; font-weight: 600; margin: 0.5rem 0 0.25rem; }
    ul { list-style: none; padding: 0; margin: 0; }
    li.objection { border: 1px solid #e5e7eb; border-inline-start: 4px solid #b91c1c; border-radius: 6px; padding: 0.5rem; margin: 0.4rem 0; }
    li.objection.closed { border-inline-start-color: #9ca3af; }
    .who { font-weight: 600; }
    .answer { margin-top: 0.35rem; padding-inline-start: 0.6rem; border-inline-start: 3px solid #1e3a8a; }
    .error { color: #991b1b; background: #fef2f2; border: 1px solid #fecaca; padding: 0.4rem 0.6rem; border-radius: 6px; }
    li.proposal { border: 1px solid #e5e7eb; border-inline-start: 4px solid #7c3aed; border-radius: 6px; padding: 0.5rem; margin: 0.4rem 0; }
    li.proposal.closed { border-inline-start-color: #9ca3af; }
    .kind { font-weight: 600; color: #5b21b6; }
    ins { background: #dcfce7; text-decoration: underline; }
    del { background: #fee2e2; }
    select, input[type='text'] { font: inherit; }
    .dot { display: inline-block; width: 0.6rem; height: 0.6rem; border-radius: 50%; margin-inline-end: 0.25rem; }
    h2:focus { outline: none; }
    h2:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    bdi { unicode-bidi: isolate; }
  `;

  paragraph: PanelParagraph | null = null;
  busy = false;
  error: string | null = null;
  private openForm: 'unlock' | 'objection' | 'propose' | `answer:${string}` | `reject:${string}` | null = null;
  private proposeKind: ProposalKind = 'replace';
  /** The selection when the "Propose change" form was opened: the proposal is about that text. */
  private proposeAt: PanelParagraph['selection'] = null;
  private lastParagraphId: string | null = null;

  constructor() {
    super();
    new LocalizeController(this);
  }

  override willUpdate(): void {
    // A form belongs to the paragraph it was opened for.
    const id = this.paragraph?.id ?? null;
    if (id !== this.lastParagraphId) {
      this.openForm = null;
      this.lastParagraphId = id;
    }
  }

  /**
   * Every action moves focus to the panel's heading first: the button pressed is about to be
   * disabled or to disappear (a status once set is no longer offered), and focus must not fall
   * to <body>, which would send a keyboard user back to the top of the page.
   */
  private emit<K extends keyof PanelEvents>(name: K, detail: PanelEvents[K]): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private submitReason(e: SubmitEvent, send: (text: string) => void): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const text = (new FormData(form).get('text') ?? '').toString().trim();
    if (!text) return;
    send(text);
    form.reset();
    this.openForm = null;
  }

  override render() {
    const p = this.paragraph;
    if (!p) {
      return html`<h2 tabindex="-1">${i18n.t('panel.paragraph')}</h2>
        <p class="muted">${i18n.t('panel.placeCursor')}</p>`;
    }
    const standing = p.objections.filter((o) => o.state === 'standing');
    const others = p.objections.filter((o) => o.state !== 'standing');
    return html`
      <h2 tabindex="-1">${i18n.t('panel.title', { label: p.label })}</h2>
      <div class="row">
        <accord-status-badge status=${p.status} ?locked=${p.lock !== null}></accord-status-badge>
        ${p.openBrackets > 0 ? html`<span>${i18n.t('panel.openBrackets', { count: p.openBrackets })}</span>` : nothing}
      </div>
      ${
        p.lock
          ? html`<p class="muted">${i18n.t('panel.lockedBy', { name: isolate(p.lock.by.name), affiliation: isolate(p.lock.by.affiliation), when: when(p.lock.at) })}</p>`
          : nothing
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.renderStatusActions(p)} ${this.renderLockActions(p)}
      <h3>${i18n.t('panel.objections', { count: standing.length })}</h3>
      ${standing.length === 0 ? html`<p class="muted">${i18n.t('panel.noStanding')}</p>` : nothing}
      <ul aria-label=${i18n.t('panel.standingList')}>${standing.map((o) => this.renderObjection(o, p))}</ul>
      ${
        others.length > 0
          ? html`<details><summary>${i18n.t('panel.closedObjections', { count: others.length })}</summary>
            <ul>${others.map((o) => this.renderObjection(o, p))}</ul></details>`
          : nothing
      }
      ${p.canObject ? this.renderObjectionForm(p) : nothing}
      ${this.renderProposals(p)}
      <h3>${i18n.t('panel.presentNow')}</h3>
      ${
        p.present.length === 0
          ? html`<p class="muted">${i18n.t('panel.nobodyElse')}</p>`
          : html`<ul>${p.present.map(
              (
                u,
              ) => html`<li><span class="dot" style="background:${u.color}" aria-hidden="true"></span><bdi>${u.name}</bdi>
                <span class="muted">(<bdi>${u.affiliation}</bdi>)</span></li>`,
            )}</ul>`
      }
    `;
  }

  private renderStatusActions(p: PanelParagraph) {
    if (p.allowedStatuses.length === 0) return nothing;
    return html`<h3>${i18n.t('panel.setStatus')}</h3>
      <div class="row" role="group" aria-label=${i18n.t('panel.setStatusOf', { label: p.label })}>
        ${p.allowedStatuses.map(
          (
            s,
          ) => html`<button type="button" ?disabled=${this.busy} @click=${() => this.emit('accord-status', { paragraphId: p.id, status: s })}>
            ${i18n.t(`status.${s}`)}
          </button>`,
        )}
      </div>`;
  }

  private renderLockActions(p: PanelParagraph) {
    if (p.lock && p.canUnlock) {
      if (this.openForm === 'unlock') {
        return html`<form @submit=${(e: SubmitEvent) => this.submitReason(e, (reason) => this.emit('accord-unlock', { paragraphId: p.id, reason }))}>
          <label for="unlock-reason">${i18n.t('panel.unlockReason', { label: p.label })}</label>
          <textarea id="unlock-reason" name="text" required dir="auto"></textarea>
          <div class="row">
            <button class="primary" type="submit" ?disabled=${this.busy}>${i18n.t('panel.unlock')}</button>
            <button type="button" @click=${() => this.cancelForm()}>${i18n.t('common.cancel')}</button>
          </div>
        </form>`;
      }
      return html`<div class="row"><button type="button" @click=${() => this.open('unlock')}>${i18n.t('panel.unlockOpen')}</button></div>`;
    }
    if (!p.lock && p.lockBlocked !== undefined) {
      return html`<div class="row">
        <button type="button" ?disabled=${this.busy || p.lockBlocked !== null} @click=${() => this.emit('accord-lock', { paragraphId: p.id })}
          aria-describedby=${p.lockBlocked ? 'lock-why' : nothing}>${i18n.t('panel.lock', { label: p.label })}</button>
        ${p.lockBlocked ? html`<span id="lock-why" class="muted">${p.lockBlocked}</span>` : nothing}
      </div>`;
    }
    return nothing;
  }

  private renderObjection(o: Objection, p: PanelParagraph) {
    const mine = o.author.id === p.viewerId;
    const answering = this.openForm === `answer:${o.id}`;
    return html`<li class="objection ${o.state === 'standing' ? '' : 'closed'}">
      <div><bdi class="who">${o.author.name}</bdi> <span class="muted">(<bdi>${o.author.affiliation}</bdi>), ${when(o.at)}</span>
        ${o.state !== 'standing' ? html`<span class="muted"> — ${i18n.t(`panel.objectionState.${o.state}`)}</span>` : nothing}</div>
      <p dir="auto">${o.reason}</p>
      ${
        o.answer
          ? html`<div class="answer"><span class="who">${i18n.t('panel.answerBy', { name: isolate(o.answer.by.name) })}</span>
            <span class="muted">${when(o.answer.at)}</span><p dir="auto">${o.answer.text}</p></div>`
          : nothing
      }
      ${
        o.state === 'standing'
          ? html`<div class="row">
            ${
              mine && p.canObject
                ? html`<button type="button" ?disabled=${this.busy}
                  @click=${() => this.emit('accord-withdraw', { paragraphId: p.id, objectionId: o.id })}>${i18n.t('panel.withdraw')}</button>`
                : nothing
            }
            ${
              p.canAnswer && !answering
                ? html`<button type="button" @click=${() => this.open(`answer:${o.id}`)}>${i18n.t('panel.answerOpen')}</button>`
                : nothing
            }
          </div>`
          : nothing
      }
      ${
        answering
          ? html`<form @submit=${(e: SubmitEvent) =>
              this.submitReason(e, (text) =>
                this.emit('accord-answer', { paragraphId: p.id, objectionId: o.id, text }),
              )}>
            <label for="answer-${o.id}">${i18n.t('panel.answerTo', { name: isolate(o.author.name) })}</label>
            <textarea id="answer-${o.id}" name="text" required dir="auto"></textarea>
            <div class="row">
              <button class="primary" type="submit" ?disabled=${this.busy}>${i18n.t('panel.sendAnswer')}</button>
              <button type="button" @click=${() => this.cancelForm()}>${i18n.t('common.cancel')}</button>
            </div>
          </form>`
          : nothing
      }
    </li>`;
  }

  private renderObjectionForm(p: PanelParagraph) {
    if (this.openForm !== 'objection') {
      return html`<div class="row"><button type="button" @click=${() => this.open('objection')}>${i18n.t('panel.lodgeOpen')}</button></div>`;
    }
    return html`<form @submit=${(e: SubmitEvent) => this.submitReason(e, (reason) => this.emit('accord-objection', { paragraphId: p.id, reason }))}>
      <label for="objection-reason">${i18n.t('panel.objectionReason', { label: p.label })}</label>
      <textarea id="objection-reason" name="text" required dir="auto"></textarea>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>${i18n.t('panel.lodge')}</button>
        <button type="button" @click=${() => this.cancelForm()}>${i18n.t('common.cancel')}</button>
      </div>
    </form>`;
  }

  private renderProposals(p: PanelParagraph) {
    const pending = p.proposals.filter((x) => x.state === 'pending');
    const decided = p.proposals.filter((x) => x.state !== 'pending');
    const emitOn = (proposalId: string) => (action: ProposalAction) =>
      this.emit('accord-proposal', { paragraphId: p.id, proposalId, action });
    const item = (
      x: (typeof p.proposals)[number],
    ) => html`${proposalView(x, p, this.busy, emitOn(x.id), () => this.open(`reject:${x.id}`))}
      ${this.openForm === `reject:${x.id}` ? this.renderRejectForm(p, x.id) : nothing}`;
    const onlyHere = p.draftProposalsOnly || p.sectionProposalsOnly;
    return html`<h3>${i18n.t('proposals.title', { count: pending.length })}</h3>
      ${onlyHere ? html`<p class="muted">${i18n.t('proposals.onlyHere', { scope: p.draftProposalsOnly ? 'draft' : 'section' })}</p>` : nothing}
      ${p.canDecide ? this.renderProposalsOnly(p) : nothing}
      ${pending.length === 0 ? html`<p class="muted">${i18n.t('proposals.nonePending')}</p>` : nothing}
      <ul aria-label=${i18n.t('proposals.pendingList')}>${pending.map(item)}</ul>
      ${
        decided.length > 0
          ? html`<details><summary>${i18n.t('proposals.decided', { count: decided.length })}</summary><ul>${decided.map(item)}</ul></details>`
          : nothing
      }
      ${p.canPropose ? this.renderProposeForm(p) : nothing}`;
  }

  private renderProposalsOnly(p: PanelParagraph) {
    const toggle = (scope: string, on: boolean) => this.emit('accord-proposals-only', { paragraphId: p.id, scope, on });
    return html`<div class="row" role="group" aria-label=${i18n.t('proposals.onlyGroup')}>
      <label><input type="checkbox" .checked=${p.sectionProposalsOnly} ?disabled=${this.busy}
        @change=${(e: Event) => toggle(p.sectionId, (e.target as HTMLInputElement).checked)} /> ${i18n.t('proposals.onlySection')}</label>
      <label><input type="checkbox" .checked=${p.draftProposalsOnly} ?disabled=${this.busy}
        @change=${(e: Event) => toggle(WHOLE_DRAFT, (e.target as HTMLInputElement).checked)} /> ${i18n.t('proposals.onlyDraft')}</label>
    </div>`;
  }

  private renderRejectForm(p: PanelParagraph, proposalId: string) {
    return html`<form @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      const reason = (new FormData(e.target as HTMLFormElement).get('text') ?? '').toString().trim();
      this.emit('accord-proposal', { paragraphId: p.id, proposalId, action: 'reject', ...(reason ? { reason } : {}) });
      this.openForm = null;
    }}>
      <label for="reject-${proposalId}">${i18n.t('proposals.rejectReason')}</label>
      <textarea id="reject-${proposalId}" name="text" dir="auto"></textarea>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>${i18n.t('proposals.reject')}</button>
        <button type="button" @click=${() => this.cancelForm()}>${i18n.t('common.cancel')}</button>
      </div>
    </form>`;
  }

  private renderProposeForm(p: PanelParagraph) {
    if (this.openForm !== 'propose') {
      return html`<div class="row"><button type="button" @click=${() => {
        this.proposeAt = p.selection;
        this.proposeKind =
          p.selection && p.selection.from < p.selection.to ? 'replace' : p.selection ? 'insert' : 'addParagraph';
        this.open('propose');
      }}>${i18n.t('proposals.proposeOpen')}</button></div>`;
    }
    const at = this.proposeAt;
    const span = this.proposeKind === 'replace' || this.proposeKind === 'delete';
    const needsText = this.proposeKind !== 'delete' && this.proposeKind !== 'deleteParagraph';
    const where =
      this.proposeKind === 'insert'
        ? at
          ? i18n.t('proposals.atPosition', { position: at.to })
          : i18n.t('proposals.placeCursor')
        : span
          ? at && at.from < at.to
            ? i18n.t('proposals.quote', { text: at.quote })
            : i18n.t('proposals.selectText')
          : i18n.t('proposals.paragraph', { label: p.label });
    const ready =
      needsText || span ? (span ? !!at && at.from < at.to : this.proposeKind === 'insert' ? !!at : true) : true;
    return html`<form @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      const data = new FormData(e.target as HTMLFormElement);
      const text = needsText ? (data.get('text') ?? '').toString() : '';
      const justification = (data.get('justification') ?? '').toString().trim();
      const kind = this.proposeKind;
      const type = (data.get('type') ?? DEFAULT_PROPOSAL_TYPE).toString() as ProposalType;
      const position =
        kind === 'insert' && at
          ? { from: at.to, to: at.to, quote: '' }
          : span && at
            ? { from: at.from, to: at.to, quote: at.quote }
            : {};
      this.emit('accord-propose', { paragraphId: p.id, kind, type, text, justification, ...position });
      this.openForm = null;
    }}>
      <label for="propose-kind">${i18n.t('proposals.kind')}</label>
      <select id="propose-kind" .value=${this.proposeKind} @change=${(e: Event) => (this.proposeKind = (e.target as HTMLSelectElement).value as ProposalKind)}>
        ${proposalKinds.map((k) => html`<option value=${k} ?selected=${k === this.proposeKind}>${i18n.t(`proposals.kinds.${k}`)}</option>`)}
      </select>
      <p class="muted" id="propose-where">${i18n.t('proposals.on', { where })}</p>
      ${
        needsText
          ? html`<label for="propose-text">${this.proposeKind === 'addParagraph' ? i18n.t('proposals.newText') : i18n.t('proposals.text')}</label>
            <textarea id="propose-text" name="text" required dir="auto"></textarea>`
          : nothing
      }
      <label for="propose-type">${i18n.t('proposals.type')}</label>
      <select id="propose-type" name="type">
        ${proposalTypes.map((k) => html`<option value=${k} ?selected=${k === DEFAULT_PROPOSAL_TYPE}>${i18n.t(`proposals.types.${k}`)}</option>`)}
      </select>
      <label for="propose-justification">${i18n.t('proposals.justificationField')}</label>
      <textarea id="propose-justification" name="justification" dir="auto"></textarea>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy || !ready} aria-describedby="propose-where">${i18n.t('proposals.table')}</button>
        <button type="button" @click=${() => this.cancelForm()}>${i18n.t('common.cancel')}</button>
      </div>
    </form>`;
  }

  private focusPending = false;

  /** Cancelling a form returns focus to the heading rather than letting it fall with the form. */
  private cancelForm(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    this.openForm = null;
  }

  private open(form: AccordParagraphPanel['openForm']): void {
    this.openForm = form;
    this.focusPending = form !== null;
  }

  override updated(): void {
    // Opening a form moves focus into it, so the keyboard path continues where the eye goes.
    if (!this.focusPending) return;
    this.focusPending = false;
    this.renderRoot.querySelector<HTMLElement>('form select, form textarea')?.focus();
  }
}

function when(at: number): string {
  return formatDateTime(at);
}
