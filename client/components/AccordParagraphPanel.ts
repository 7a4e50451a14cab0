import { css, html, LitElement, nothing } from 'lit';
import { type Objection, statusLabels } from '../../shared/model/governance';
import type { PanelEvents, PanelParagraph } from './panelTypes';

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
    li.objection { border: 1px solid #e5e7eb; border-left: 4px solid #b91c1c; border-radius: 6px; padding: 0.5rem; margin: 0.4rem 0; }
    li.objection.closed { border-left-color: #9ca3af; }
    .who { font-weight: 600; }
    .answer { margin-top: 0.35rem; padding-left: 0.6rem; border-left: 3px solid #1e3a8a; }
    .error { color: #991b1b; background: #fef2f2; border: 1px solid #fecaca; padding: 0.4rem 0.6rem; border-radius: 6px; }
    .dot { display: inline-block; width: 0.6rem; height: 0.6rem; border-radius: 50%; margin-right: 0.25rem; }
  `;

  paragraph: PanelParagraph | null = null;
  busy = false;
  error: string | null = null;
  private openForm: 'unlock' | 'objection' | `answer:${string}` | null = null;
  private lastParagraphId: string | null = null;

  override willUpdate(): void {
    // A form belongs to the paragraph it was opened for.
    const id = this.paragraph?.id ?? null;
    if (id !== this.lastParagraphId) {
      this.openForm = null;
      this.lastParagraphId = id;
    }
  }

  private emit<K extends keyof PanelEvents>(name: K, detail: PanelEvents[K]): void {
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
      return html`<h2>Paragraph</h2>
        <p class="muted">Place the cursor in a paragraph to see its status, objections and actions.</p>`;
    }
    const standing = p.objections.filter((o) => o.state === 'standing');
    const others = p.objections.filter((o) => o.state !== 'standing');
    return html`
      <h2>Paragraph ${p.label}</h2>
      <div class="row">
        <accord-status-badge status=${p.status} ?locked=${p.lock !== null}></accord-status-badge>
        ${p.openBrackets > 0 ? html`<span>${p.openBrackets} open bracket${p.openBrackets === 1 ? '' : 's'}</span>` : nothing}
      </div>
      ${p.lock ? html`<p class="muted">Locked by ${p.lock.by.name} (${p.lock.by.affiliation}), ${when(p.lock.at)}.</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.renderStatusActions(p)} ${this.renderLockActions(p)}
      <h3>Objections (${standing.length} standing)</h3>
      ${standing.length === 0 ? html`<p class="muted">No standing objection.</p>` : nothing}
      <ul aria-label="Standing objections">${standing.map((o) => this.renderObjection(o, p))}</ul>
      ${
        others.length > 0
          ? html`<details><summary>Withdrawn or answered (${others.length})</summary>
            <ul>${others.map((o) => this.renderObjection(o, p))}</ul></details>`
          : nothing
      }
      ${p.canObject ? this.renderObjectionForm() : nothing}
      <h3>On this paragraph now</h3>
      ${
        p.present.length === 0
          ? html`<p class="muted">Nobody else.</p>`
          : html`<ul>${p.present.map(
              (u) => html`<li><span class="dot" style="background:${u.color}" aria-hidden="true"></span>${u.name}
                <span class="muted">(${u.affiliation})</span></li>`,
            )}</ul>`
      }
    `;
  }

  private renderStatusActions(p: PanelParagraph) {
    if (p.allowedStatuses.length === 0) return nothing;
    return html`<h3>Set status</h3>
      <div class="row" role="group" aria-label="Set status">
        ${p.allowedStatuses.map(
          (
            s,
          ) => html`<button type="button" ?disabled=${this.busy} @click=${() => this.emit('accord-status', { status: s })}>
            ${statusLabels[s]}
          </button>`,
        )}
      </div>`;
  }

  private renderLockActions(p: PanelParagraph) {
    if (p.lock && p.canUnlock) {
      if (this.openForm === 'unlock') {
        return html`<form @submit=${(e: SubmitEvent) => this.submitReason(e, (reason) => this.emit('accord-unlock', { reason }))}>
          <label for="unlock-reason">Reason for reopening paragraph ${p.label}</label>
          <textarea id="unlock-reason" name="text" required></textarea>
          <div class="row">
            <button class="primary" type="submit" ?disabled=${this.busy}>Unlock</button>
            <button type="button" @click=${() => (this.openForm = null)}>Cancel</button>
          </div>
        </form>`;
      }
      return html`<div class="row"><button type="button" @click=${() => this.open('unlock')}>Unlock…</button></div>`;
    }
    if (!p.lock && p.lockBlocked !== undefined) {
      return html`<div class="row">
        <button type="button" ?disabled=${this.busy || p.lockBlocked !== null} @click=${() => this.emit('accord-lock', {})}
          aria-describedby=${p.lockBlocked ? 'lock-why' : nothing}>Lock paragraph</button>
        ${p.lockBlocked ? html`<span id="lock-why" class="muted">${p.lockBlocked}</span>` : nothing}
      </div>`;
    }
    return nothing;
  }

  private renderObjection(o: Objection, p: PanelParagraph) {
    const mine = o.author.id === p.viewerId;
    const answering = this.openForm === `answer:${o.id}`;
    return html`<li class="objection ${o.state === 'standing' ? '' : 'closed'}">
      <div><span class="who">${o.author.name}</span> <span class="muted">(${o.author.affiliation}), ${when(o.at)}</span>
        ${o.state !== 'standing' ? html`<span class="muted"> — ${o.state}</span>` : nothing}</div>
      <p>${o.reason}</p>
      ${
        o.answer
          ? html`<div class="answer"><span class="who">Answer by ${o.answer.by.name}</span>
            <span class="muted">${when(o.answer.at)}</span><p>${o.answer.text}</p></div>`
          : nothing
      }
      ${
        o.state === 'standing'
          ? html`<div class="row">
            ${
              mine && p.canObject
                ? html`<button type="button" ?disabled=${this.busy}
                  @click=${() => this.emit('accord-withdraw', { objectionId: o.id })}>Withdraw my objection</button>`
                : nothing
            }
            ${
              p.canAnswer && !answering
                ? html`<button type="button" @click=${() => this.open(`answer:${o.id}`)}>Answer…</button>`
                : nothing
            }
          </div>`
          : nothing
      }
      ${
        answering
          ? html`<form @submit=${(e: SubmitEvent) =>
              this.submitReason(e, (text) => this.emit('accord-answer', { objectionId: o.id, text }))}>
            <label for="answer-${o.id}">Answer to ${o.author.name}</label>
            <textarea id="answer-${o.id}" name="text" required></textarea>
            <div class="row">
              <button class="primary" type="submit" ?disabled=${this.busy}>Send answer</button>
              <button type="button" @click=${() => (this.openForm = null)}>Cancel</button>
            </div>
          </form>`
          : nothing
      }
    </li>`;
  }

  private renderObjectionForm() {
    if (this.openForm !== 'objection') {
      return html`<div class="row"><button type="button" @click=${() => this.open('objection')}>Lodge an objection…</button></div>`;
    }
    return html`<form @submit=${(e: SubmitEvent) => this.submitReason(e, (reason) => this.emit('accord-objection', { reason }))}>
      <label for="objection-reason">Reason for the objection</label>
      <textarea id="objection-reason" name="text" required></textarea>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>Lodge objection</button>
        <button type="button" @click=${() => (this.openForm = null)}>Cancel</button>
      </div>
    </form>`;
  }

  private focusPending = false;

  private open(form: AccordParagraphPanel['openForm']): void {
    this.openForm = form;
    this.focusPending = form !== null;
  }

  override updated(): void {
    // Opening a form moves focus into it, so the keyboard path continues where the eye goes.
    if (!this.focusPending) return;
    this.focusPending = false;
    this.renderRoot.querySelector<HTMLTextAreaElement>('form textarea')?.focus();
  }
}

function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
