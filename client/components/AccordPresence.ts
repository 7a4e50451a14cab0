import { css, html, LitElement } from 'lit';
import type { PresentUser } from '../model/presence';

/** `<accord-presence .users=${[…]}>`: who has the draft open right now (from Yjs awareness). */
export class AccordPresence extends LitElement {
  static override properties = { users: { attribute: false } };

  static override styles = css`
    :host { display: block; }
    h2 { font-size: 0.9rem; margin: 0 0 0.25rem; }
    ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem; }
    li {
      display: inline-flex; align-items: center; gap: 0.35rem; padding: 0.1rem 0.5rem;
      border: 1px solid #d1d5db; border-radius: 999px; font-size: 0.85rem; background: #fff; color: #111827;
    }
    .dot { width: 0.7rem; height: 0.7rem; border-radius: 50%; flex: none; }
    .aff, .role { color: #4b5563; }
  `;

  users: PresentUser[] = [];

  override render() {
    // One entry per person, even with several tabs open.
    const seen = new Set<string>();
    const people = this.users.filter((u) => {
      const key = u.id || `c${u.clientId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return html`<h2 id="presence-title">Present (${people.length})</h2>
      <ul aria-labelledby="presence-title">
        ${people.map(
          (u) => html`<li title=${`${u.name} (${u.affiliation})${u.role ? `, ${u.role}` : ''}`}>
            <span class="dot" style="background:${u.color}" aria-hidden="true"></span>
            <span class="name">${u.name}${u.self ? ' (you)' : ''}</span>
            ${u.affiliation ? html`<span class="aff">${u.affiliation}</span>` : ''}
            ${u.role ? html`<span class="role">· ${u.role}</span>` : ''}
          </li>`,
        )}
      </ul>`;
  }
}
