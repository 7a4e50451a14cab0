import { css, html, LitElement, nothing } from 'lit';
import { paragraphStatuses } from '../../shared/model/governance';
import type { Rollup } from '../../shared/model/rollup';
import { i18n } from '../i18n/i18n';
import { isolate } from '../i18n/isolate';
import { LocalizeController } from '../i18n/LocalizeController';
import type { DashboardParagraph, DashboardSection } from './dashboardTypes';
import { lockIcon } from './lockIcon';
import { statusColors, statusIcons } from './statusStyles';

/**
 * `<accord-dashboard .overall=${rollup} .sections=${[…]}>`: how far consensus has come,
 * per section and overall. Every paragraph is a button: activating it (click, Enter,
 * Space) fires `accord-jump` with `{ paragraphId }` so the host can show it in the editor.
 * Section headings are the delegates' text, in any script: each sits in a <bdi> so that an
 * Arabic heading cannot drag the counts next to it into its own direction.
 */
export class AccordDashboard extends LitElement {
  static override properties = {
    overall: { attribute: false },
    sections: { attribute: false },
  };

  static override styles = [
    statusColors,
    css`
      :host { display: block; font-size: 0.9rem; color: #111827; }
      h2 { font-size: 1.05rem; margin: 0 0 0.5rem; }
      .summary { margin: 0.25rem 0 0.75rem; }
      .bar { display: flex; align-items: center; gap: 0.5rem; }
      progress { flex: 1; height: 0.8rem; accent-color: #047857; }
      .counts { color: #374151; font-size: 0.85rem; }
      details { border-top: 1px solid #e5e7eb; padding: 0.4rem 0; }
      summary { cursor: pointer; font-weight: 600; }
      summary:focus-visible, button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
      ul { list-style: none; margin: 0.35rem 0 0; padding: 0; display: grid; gap: 0.2rem; }
      button {
        width: 100%; text-align: start; font: inherit; font-size: 0.85rem; cursor: pointer;
        display: flex; gap: 0.4rem; align-items: center; padding: 0.2rem 0.4rem;
        border: 1px solid transparent; border-inline-start-width: 4px; border-radius: 4px;
      }
      button:hover { filter: brightness(0.97); }
      .num { font-weight: 700; min-width: 3.5rem; unicode-bidi: isolate; }
      .flags { margin-inline-start: auto; color: #7f1d1d; }
      bdi { unicode-bidi: isolate; }
      .legend { margin-top: 0.5rem; font-size: 0.8rem; color: #374151; }
      .legend ul { display: flex; flex-wrap: wrap; gap: 0.3rem 0.6rem; }
      .legend li span { border: 1px solid; border-radius: 999px; padding: 0 0.4rem; }
    `,
  ];

  overall: Rollup | null = null;
  sections: DashboardSection[] = [];

  constructor() {
    super();
    new LocalizeController(this);
  }

  private jump(p: DashboardParagraph): void {
    this.dispatchEvent(
      new CustomEvent('accord-jump', { detail: { paragraphId: p.id }, bubbles: true, composed: true }),
    );
  }

  override render() {
    const o = this.overall;
    const t = i18n.t.bind(i18n);
    return html`
      <h2>${t('dashboard.title')}</h2>
      ${o ? html`<div class="summary">${this.bar(o, t('dashboard.wholeDraft'))}</div>` : nothing}
      ${this.sections.map((s) => {
        const heading = s.heading || t('dashboard.untitled');
        return html`<details ?open=${this.sections.length <= 8}>
          <summary><bdi>${heading}</bdi> — ${t('dashboard.agreedOf', { agreed: s.rollup.agreed, total: s.rollup.total })}</summary>
          ${this.bar(s.rollup, heading)}
          <ul aria-label=${t('dashboard.paragraphsOf', { heading: isolate(s.heading || t('dashboard.theSection')) })}>
            ${s.paragraphs.map(
              (p) => html`<li>
                <button type="button" class="st-${p.status}" @click=${() => this.jump(p)}
                  aria-label=${describe(p)}>
                  <span class="num">${p.label}</span>
                  <span><span aria-hidden="true">${statusIcons[p.status]}</span> ${t(`status.${p.status}`)}${
                    p.locked ? html` · ${lockIcon} ${t('dashboard.lockedSuffix')}` : ''
                  }</span>
                  <span class="flags" aria-hidden="true">${flags(p)}</span>
                </button>
              </li>`,
            )}
          </ul>
        </details>`;
      })}
      ${this.legend()}
    `;
  }

  /** What the colours and symbols mean, in words (WCAG 1.4.1: never colour alone). */
  private legend() {
    const t = i18n.t.bind(i18n);
    return html`<details class="legend">
      <summary>${t('dashboard.legend')}</summary>
      <ul>
        ${paragraphStatuses.map(
          (s) =>
            html`<li><span class="st-${s}"><span aria-hidden="true">${statusIcons[s]}</span> ${t(`status.${s}`)}</span></li>`,
        )}
        <li>${lockIcon} ${t('dashboard.legendLocked')}</li>
        <li>${t('dashboard.legendBrackets')}</li>
        <li>${t('dashboard.legendObjections')}</li>
      </ul>
    </details>`;
  }

  private bar(r: Rollup, what: string) {
    const t = i18n.t.bind(i18n);
    return html`<div class="bar">
        <progress max=${Math.max(r.total, 1)} value=${r.agreed}
          aria-label=${t('dashboard.progress', { what: isolate(what), agreed: r.agreed, total: r.total })}></progress>
        <span><strong>${t('dashboard.agreedOf', { agreed: r.agreed, total: r.total })}</strong></span>
      </div>
      <div class="counts">
        ${[
          t('dashboard.adRef', { count: r.agreedAdRef }),
          t('dashboard.underNegotiation', { count: r.underNegotiation }),
          t('dashboard.locked', { count: r.locked }),
          t('dashboard.openBrackets', { count: r.openBrackets }),
          t('dashboard.standingObjections', { count: r.standingObjections }),
        ].join(' · ')}
      </div>`;
  }
}

function flags(p: DashboardParagraph): string {
  const parts: string[] = [];
  if (p.openBrackets > 0) parts.push(`[${p.openBrackets}]`);
  if (p.standingObjections > 0) parts.push(i18n.t('dashboard.objectionsShort', { count: p.standingObjections }));
  return parts.join(' ');
}

function describe(p: DashboardParagraph): string {
  const parts = [i18n.t('dashboard.paragraphLabel', { label: p.label }), i18n.t(`status.${p.status}`)];
  if (p.locked) parts.push(i18n.t('status.inSentence.locked'));
  if (p.openBrackets > 0) parts.push(i18n.t('dashboard.openBrackets', { count: p.openBrackets }));
  if (p.standingObjections > 0) parts.push(i18n.t('dashboard.standingObjections', { count: p.standingObjections }));
  return i18n.t('dashboard.goTo', { description: parts.join(i18n.t('common.listSeparator')) });
}
