import { AccordCountdown } from './AccordCountdown';
import { AccordDashboard } from './AccordDashboard';
import { AccordParagraphPanel } from './AccordParagraphPanel';
import { AccordPresence } from './AccordPresence';
import { AccordSilenceNotice } from './AccordSilenceNotice';
import { AccordStatusBadge } from './AccordStatusBadge';

/** Registers Accord's web components once (safe to import from several entry points). */
const components: [string, CustomElementConstructor][] = [
  ['accord-status-badge', AccordStatusBadge],
  ['accord-presence', AccordPresence],
  ['accord-paragraph-panel', AccordParagraphPanel],
  ['accord-dashboard', AccordDashboard],
  ['accord-countdown', AccordCountdown],
  ['accord-silence-notice', AccordSilenceNotice],
];
for (const [name, ctor] of components) if (!customElements.get(name)) customElements.define(name, ctor);

declare global {
  interface HTMLElementTagNameMap {
    'accord-status-badge': AccordStatusBadge;
    'accord-presence': AccordPresence;
    'accord-paragraph-panel': AccordParagraphPanel;
    'accord-dashboard': AccordDashboard;
    'accord-countdown': AccordCountdown;
    'accord-silence-notice': AccordSilenceNotice;
  }
}
