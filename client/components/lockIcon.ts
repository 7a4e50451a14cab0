import { html } from 'lit';

/**
 * A padlock drawn as SVG, in the text's colour. Not the 🔒 emoji: a machine without an emoji font
 * (the meeting room's Linux PC, a kiosk) drew it as an empty box next to "locked".
 */
export const lockIcon = html`<svg class="icon" width="0.9em" height="0.9em" viewBox="0 0 16 16" aria-hidden="true"
  focusable="false" style="vertical-align:-0.1em;fill:currentColor"><path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1.5 1.5 0 0 1
  13.5 8.5v5A1.5 1.5 0 0 1 12 15H4a1.5 1.5 0 0 1-1.5-1.5v-5A1.5 1.5 0 0 1 4 7h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z"/></svg>`;
