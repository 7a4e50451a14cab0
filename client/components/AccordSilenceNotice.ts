import { css, html, LitElement, nothing } from 'lit';
import { i18n } from '../i18n/i18n';
import { isolate } from '../i18n/isolate';
import { LocalizeController } from '../i18n/LocalizeController';
import type { SilenceNoticeEvents, SilenceNoticeView } from './silenceTypes';

/**
 * `<accord-silence-notice .view=${…}>`: the silence procedures running on the draft, each with
 * its countdown and the chair's note, and — when the selected paragraph is under silence — the
 * "Break silence" form with its required reason. It only asks (`accord-break-silence`); the
 * host calls the server, and the live document brings the outcome.
 */
export class AccordSilenceNotice extends LitElement {
  static override properties = {
    view: { attribute: false },
    busy: { type: Boolean },
    error: { type: String },
    formOpen: { state: true },
  };

  static override styles = css`
    :host { display: block; font-size: 0.95rem; color: #111827; }
    h2 { font-size: 1.05rem; margin: 0 0 0.5rem; }
    p { margin: 0.35rem 0; }
    ul { list-style: none; padding: 0; margin: 0; }
    li { border-inline-start: 4px solid #7c2d12; padding-inline-start: 0.5rem; margin: 0.4rem 0; }
    .muted { color: #4b5563; }
    .row { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
    button {
      font: inherit; font-size: 0.9rem; padding: 0.3rem 0.7rem; border-radius: 6px; cursor: pointer;
      border: 1px solid #7c2d12; background: #fff; color: #7c2d12;
    }
    button.primary { background: #7c2d12; color: #fff; }
    button:disabled { opacity: 0.55; cursor: not-allowed; }
    button:focus-visible, textarea:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    textarea { width: 100%; box-sizing: border-box; font: inherit; min-height: 4rem; }
    label { display: block; font-weight: 600; margin: 0.5rem 0 0.25rem; }
    .error { color: #991b1b; background: #fef2f2; border: 1px solid #fecaca; padding: 0.4rem 0.6rem; border-radius: 6px; }
    .frozen { background: #fff7ed; border: 1px solid #fed7aa; border-radius: 6px; padding: 0.5rem; margin-top: 0.5rem; }
  `;

  view: SilenceNoticeView | null = null;
  busy = false;
  error: string | null = null;
  private formOpen = false;
  private lastParagraph: string | null = null;

  constructor() {
    super();
    new LocalizeController(this);
  }

  override willUpdate(): void {
    // The form belongs to the paragraph it was opened for.
    const id = this.view?.selected?.paragraphId ?? null;
    if (id !== this.lastParagraph) {
      this.formOpen = false;
      this.lastParagraph = id;
    }
  }

  private emit<K extends keyof SilenceNoticeEvents>(name: K, detail: SilenceNoticeEvents[K]): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const v = this.view;
    if (!v || (v.running.length === 0 && !v.selected)) return nothing;
    return html`<h2 tabindex="-1">${i18n.t('silence.title')}</h2>
      <ul aria-label=${i18n.t('silence.runningList')}>
        ${v.running.map(
          (s) => html`<li>
            <p>${i18n.t('silence.runningOn', { scope: s.scope })}</p>
            <p><accord-countdown .deadline=${s.deadline}></accord-countdown></p>
            <p class="muted">${i18n.t('silence.startedBy', { name: isolate(s.by), frozen: s.frozen, broken: s.broken })}</p>
            ${s.note ? html`<p dir="auto">${s.note}</p>` : nothing}
          </li>`,
        )}
      </ul>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${v.selected ? this.renderSelected(v.selected, v.canBreak) : nothing}`;
  }

  private renderSelected(sel: NonNullable<SilenceNoticeView['selected']>, canBreak: boolean) {
    return html`<div class="frozen">
      <p><strong>${i18n.t('silence.paragraphFrozen', { label: sel.label })}</strong></p>
      <p class="muted">${i18n.t('silence.frozenExplained')}</p>
      ${
        !canBreak
          ? nothing
          : this.formOpen
            ? html`<form @submit=${(e: SubmitEvent) => {
                e.preventDefault();
                const form = e.target as HTMLFormElement;
                const reason = (new FormData(form).get('reason') ?? '').toString().trim();
                if (!reason) return;
                this.emit('accord-break-silence', { paragraphId: sel.paragraphId, reason });
                form.reset();
                this.formOpen = false;
              }}>
              <label for="break-reason">${i18n.t('silence.breakReason', { label: sel.label })}</label>
              <textarea id="break-reason" name="reason" required dir="auto"></textarea>
              <div class="row">
                <button class="primary" type="submit" ?disabled=${this.busy}>${i18n.t('silence.break')}</button>
                <button type="button" @click=${() => {
                  this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
                  this.formOpen = false;
                }}>${i18n.t('common.cancel')}</button>
              </div>
            </form>`
            : html`<div class="row"><button type="button" @click=${() => {
                this.formOpen = true;
                void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('textarea')?.focus());
              }}>${i18n.t('silence.breakOpen')}</button></div>`
      }
    </div>`;
  }
}
