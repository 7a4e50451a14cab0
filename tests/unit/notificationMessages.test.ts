import { describe, expect, it } from 'vitest';
import { notificationMessage } from '../../server/notifications/notificationMailer.js';
import { languages } from '../../shared/i18n/languages.js';
import en from '../../shared/i18n/locales/en/notify.json';
import { NOTIFICATION_KINDS } from '../../shared/model/notifications.js';

/** Every kind of notification has its words, on screen and in mail, in the six languages. */
describe('notification messages', () => {
  it('English has an event message for every kind (the catalog test holds the others to English)', () => {
    expect(Object.keys(en.event).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it.each(languages)('%s words every kind in mail with the number and a link, never a key', (lang) => {
    for (const kind of NOTIFICATION_KINDS) {
      const m = notificationMessage(
        { kind, docId: 'doc-1', paragraphId: 'p-9', paragraphNumber: '7 bis', label: 'Rev.2' },
        lang,
        'https://accord.example',
      );
      expect(m.subject).not.toMatch(/event\.|mail\./);
      expect(m.text).toContain('https://accord.example/d/doc-1#p-9');
      if (m.subject.includes('{') || m.text.includes('{')) throw new Error(`unformatted message in ${lang}: ${kind}`);
      if (en.event[kind].includes('{number}')) expect(m.subject).toContain('7 bis');
      if (en.event[kind].includes('{label}')) expect(m.subject).toContain('Rev.2');
    }
  });
});
