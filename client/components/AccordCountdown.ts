import { css, html, LitElement } from 'lit';
import { formatCountdown } from '../i18n/formatCountdown';
import { formatDateTime } from '../i18n/formatDate';
import { i18n } from '../i18n/i18n';
import { LocalizeController } from '../i18n/LocalizeController';

/**
 * `<accord-countdown .deadline=${ms}>`: "Under silence — 2 d 3 h left (until 26 Nov 2026, 18:00)".
 * It ticks by itself (every second near the end, every 30 s when days away), so neither the editor
 * nor React re-render for it. The time left is not announced on every tick (no live region):
 * screen readers read it when they reach it.
 */
export class AccordCountdown extends LitElement {
  static override properties = {
    deadline: { type: Number },
    compact: { type: Boolean },
  };

  static override styles = css`
    :host { display: inline-block; }
    span { font-weight: 600; }
  `;

  deadline = 0;
  /** Only the time left (the editor's badge); the full form also says until when. */
  compact = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    super();
    new LocalizeController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private tick(): void {
    this.requestUpdate();
    const left = this.deadline - Date.now();
    if (left <= 0) return;
    this.timer = setTimeout(() => this.tick(), left > 2 * 3600_000 ? 30_000 : 1000);
  }

  override render() {
    const left = this.deadline - Date.now();
    const text =
      left > 0 ? i18n.t('silence.countdown', { left: formatCountdown(left) }) : i18n.t('silence.deadlineReached');
    return html`<span data-deadline=${this.deadline}>${text}</span>${
      this.compact
        ? ''
        : html` <span class="until">(${i18n.t('silence.until', { when: formatDateTime(this.deadline) })})</span>`
    }`;
  }
}
