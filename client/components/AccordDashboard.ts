import { css, html, LitElement, nothing } from 'lit';
import { statusLabels } from '../../shared/model/governance';
import type { Rollup } from '../../shared/model/rollup';
import type { DashboardParagraph, DashboardSection } from './dashboardTypes';
import { statusColors } from './statusStyles';

/**
 * `<accord-dashboard .overall=${rollup} .sections=${[…]}>`: how far consensus has come,
 * per section and overall. Every paragraph is a button: activating it (click, Enter,
 * Space) fires `accord-jump` with `{ paragraphId }` so the host can show it in the editor.
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
        width: 100%; text-align: left; font: inherit; font-size: 0.85rem; cursor: pointer;
        display: flex; gap: 0.4rem; align-items: center; padding: 0.2rem 0.4rem;
        border: 1px solid transparent; border-left-width: 4px; border-radius: 4px;
      }
      button:hover { filter: brightness(0.97); }
      .num { font-weight: 700; min-width: 3.5rem; }
      .flags { margin-left: auto; color: #7f1d1d; }
    `,
  ];

  overall: Rollup | null = null;
  sections: DashboardSection[] = [];

  private jump(p: DashboardParagraph): void {
    this.dispatchEvent(
      new CustomEvent('accord-jump', { detail: { paragraphId: p.id }, bubbles: true, composed: true }),
    );
  }

  override render() {
    const o = this.overall;
    return html`
      <h2>Consensus</h2>
      ${o ? html`<div class="summary">${this.bar(o, 'Whole draft')}</div>` : nothing}
      ${this.sections.map(
        (s) => html`<details ?open=${this.sections.length <= 8}>
          <summary>${s.heading || 'Untitled section'} — ${s.rollup.agreed} of ${s.rollup.total} agreed</summary>
          ${this.bar(s.rollup, s.heading || 'Untitled section')}
          <ul aria-label=${`Paragraphs of ${s.heading || 'the section'}`}>
            ${s.paragraphs.map(
              (p) => html`<li>
                <button type="button" class="st-${p.status}" @click=${() => this.jump(p)}
                  aria-label=${describe(p)}>
                  <span class="num">${p.label}</span><span>${statusLabels[p.status]}${p.locked ? ' · Locked' : ''}</span>
                  <span class="flags" aria-hidden="true">${flags(p)}</span>
                </button>
              </li>`,
            )}
          </ul>
        </details>`,
      )}
    `;
  }

  private bar(r: Rollup, what: string) {
    return html`<div class="bar">
        <progress max=${Math.max(r.total, 1)} value=${r.agreed} aria-label=${`${what}: ${r.agreed} of ${r.total} agreed`}></progress>
        <span><strong>${r.agreed} of ${r.total} agreed</strong></span>
      </div>
      <div class="counts">
        ${r.agreedAdRef} ad referendum · ${r.underNegotiation} under negotiation · ${r.locked} locked ·
        ${r.openBrackets} open bracket${r.openBrackets === 1 ? '' : 's'} ·
        ${r.standingObjections} standing objection${r.standingObjections === 1 ? '' : 's'}
      </div>`;
  }
}

function flags(p: DashboardParagraph): string {
  const parts: string[] = [];
  if (p.openBrackets > 0) parts.push(`[${p.openBrackets}]`);
  if (p.standingObjections > 0) parts.push(`${p.standingObjections} obj.`);
  return parts.join(' ');
}

function describe(p: DashboardParagraph): string {
  const parts = [`Paragraph ${p.label}`, statusLabels[p.status]];
  if (p.locked) parts.push('locked');
  if (p.openBrackets > 0) parts.push(`${p.openBrackets} open bracket${p.openBrackets === 1 ? '' : 's'}`);
  if (p.standingObjections > 0) {
    parts.push(`${p.standingObjections} standing objection${p.standingObjections === 1 ? '' : 's'}`);
  }
  return `${parts.join(', ')}. Go to paragraph.`;
}
