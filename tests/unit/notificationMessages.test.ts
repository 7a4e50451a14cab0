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
      const extended = kind === 'silence_extended';
      const m = notificationMessage(
        {
          kind,
          docId: 'doc-1',
          paragraphId: 'p-9',
          paragraphNumber: '7 bis',
          label: extended ? '2026-03-05T17:00:00.000Z' : 'Rev.2',
        },
        lang,
        'https://accord.example',
      );
      expect(m.subject).not.toMatch(/event\.|mail\./);
      expect(m.text).toContain('https://accord.example/d/doc-1#p-9');
      if (m.subject.includes('{') || m.text.includes('{')) throw new Error(`unformatted message in ${lang}: ${kind}`);
      if (en.event[kind].includes('{number}')) expect(m.subject).toContain('7 bis');
      if (en.event[kind].includes('{label}')) expect(m.subject).toMatch(extended ? /2026|٢٠٢٦/ : /Rev\.2/);
    }
  });

  it('localises the revision names the store gives (Zero draft, Rev.n) and writes a new deadline as a date', () => {
    const base = { docId: 'd', paragraphId: null, paragraphNumber: null } as const;
    const zero = (lang: (typeof languages)[number]) =>
      notificationMessage({ ...base, kind: 'revision_issued', label: 'Zero draft' }, lang, 'https://a.example').subject;
    expect(zero('fr')).toContain('Avant-projet');
    expect(zero('es')).toContain('Borrador cero');
    expect(zero('zh')).toContain('零草案');
    expect(zero('en')).toContain('Zero draft');
    // A label from outside the known list is the chair's own words: kept as written.
    expect(
      notificationMessage({ ...base, kind: 'revision_issued', label: 'Chair’s text' }, 'ru', 'https://a.example')
        .subject,
    ).toContain('Chair’s text');
    const extended = notificationMessage(
      { ...base, kind: 'silence_extended', label: '2026-03-05T17:00:00.000Z' },
      'fr',
      'https://a.example',
    ).subject;
    expect(extended).toContain('5 mars 2026');
    expect(extended).toContain('UTC');
  });
});
