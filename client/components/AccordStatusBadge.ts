import { css, html, LitElement } from 'lit';
import { type ParagraphStatus, paragraphStatuses } from '../../shared/model/governance';
import { i18n } from '../i18n/i18n';
import { LocalizeController } from '../i18n/LocalizeController';
import { lockIcon } from './lockIcon';
import { statusColors, statusIcons } from './statusStyles';

/**
 * `<accord-status-badge status="agreed" locked>`: a paragraph's consensus status in
 * words and a symbol (never colour alone), with the lock when the chair has locked it.
 */
export class AccordStatusBadge extends LitElement {
  static override properties = {
    status: { type: String, reflect: true },
    locked: { type: Boolean, reflect: true },
  };

  static override styles = [
    statusColors,
    css`
      :host { display: inline-block; }
      span {
        display: inline-flex; align-items: center; gap: 0.25em;
        border: 1px solid; border-radius: 999px; padding: 0.05em 0.6em;
        font-size: 0.8rem; font-weight: 600; white-space: nowrap;
      }
    `,
  ];

  status: ParagraphStatus = 'draft';
  locked = false;

  constructor() {
    super();
    new LocalizeController(this);
  }

  override render() {
    const status = (paragraphStatuses as readonly string[]).includes(this.status) ? this.status : 'draft';
    return html`<span class="st-${status}"><span aria-hidden="true">${statusIcons[status]}</span> ${i18n.t(`status.${status}`)}${
      this.locked ? html` · ${lockIcon} ${i18n.t('status.locked')}` : ''
    }</span>`;
  }
}
