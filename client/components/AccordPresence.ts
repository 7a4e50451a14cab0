import { css, html, LitElement } from 'lit';
import { i18n } from '../i18n/i18n';
import { LocalizeController } from '../i18n/LocalizeController';
import type { PresentUser } from '../model/presence';

/** `<accord-presence .users=${[…]}>`: who has the draft open right now (from Yjs awareness). */
export class AccordPresence extends LitElement {
  static override properties = { users: { attribute: false } };

  static override styles = css`
    :host { display: block; }
    h2 { font-size: 0.9rem; margin: 0 0 0.25rem; }
    ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem; }
    li {
      display: inline-flex; align-items: center; gap: 0.35rem; padding-block: 0.1rem; padding-inline: 0.5rem;
      border: 1px solid #d1d5db; border-radius: 999px; font-size: 0.85rem; background: #fff; color: #111827;
    }
    .dot { width: 0.7rem; height: 0.7rem; border-radius: 50%; flex: none; }
    .aff, .role { color: #4b5563; }
    bdi { unicode-bidi: isolate; }
  `;

  users: PresentUser[] = [];

  constructor() {
    super();
    new LocalizeController(this);
  }

  override render() {
    // One entry per person, even with several tabs open.
    const seen = new Set<string>();
    const people = this.users.filter((u) => {
      const key = u.id || `c${u.clientId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const roleName = (role: string) => (i18n.exists(`roles.${role}`) ? i18n.t(`roles.${role}`) : role);
    return html`<h2 id="presence-title">${i18n.t('presence.title', { count: people.length })}</h2>
      <ul aria-labelledby="presence-title">
        ${people.map(
          (
            u,
          ) => html`<li title=${`${i18n.t('common.withAffiliation', { name: u.name, affiliation: u.affiliation })}${u.role ? `, ${roleName(u.role)}` : ''}`}>
            <span class="dot" style="background:${u.color}" aria-hidden="true"></span>
            <bdi class="name">${u.self ? i18n.t('presence.you', { name: u.name }) : u.name}</bdi>
            ${u.affiliation ? html`<bdi class="aff">${u.affiliation}</bdi>` : ''}
            ${u.role ? html`<span class="role">· ${roleName(u.role)}</span>` : ''}
          </li>`,
        )}
      </ul>`;
  }
}
