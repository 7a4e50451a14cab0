import { describe, expect, it } from 'vitest';
import { paragraphQuery } from '../../client/chair/paragraphQuery.js';
import { createI18n } from '../../shared/i18n/createI18n.js';
import { type Language, languages } from '../../shared/i18n/languages.js';
import ar from '../../shared/i18n/locales/ar/ui.json';
import en from '../../shared/i18n/locales/en/ui.json';
import es from '../../shared/i18n/locales/es/ui.json';
import fr from '../../shared/i18n/locales/fr/ui.json';
import ru from '../../shared/i18n/locales/ru/ui.json';
import zh from '../../shared/i18n/locales/zh/ui.json';

/** The audit view's paragraph filter: what people type in their language finds the number. */
describe('a paragraph typed into the audit filter', () => {
  const i18n = createI18n({
    en: { ui: en },
    fr: { ui: fr },
    es: { ui: es },
    ru: { ui: ru },
    zh: { ui: zh },
    ar: { ui: ar },
  });
  const around = (lng: Language) => i18n.t('revisions.notAgreedLine', { lng, number: '\u0000' });
  const query = (lng: Language, typed: string) => paragraphQuery(typed, around(lng));

  it('is the number however it is written in each language', () => {
    const typed: Record<Language, string[]> = {
      en: ['paragraph 12', 'Paragraph 12', '12', '§ 12', 'para. 12'],
      fr: ['paragraphe 12', 'Paragraphe 12', 'paragraph 12', '12'],
      es: ['párrafo 12', 'Párrafo  12', '12'],
      ru: ['пункт 12', 'Пункт 12', '12'],
      zh: ['第 12 段', '第12段', '12'],
      ar: ['الفقرة 12', 'الفقرة ١٢', '١٢', 'paragraph 12'],
    };
    for (const lng of languages) for (const t of typed[lng]) expect(query(lng, t), `${lng}: ${t}`).toBe('12');
  });

  it('keeps bis, PP and the words that are part of a number', () => {
    expect(query('fr', 'paragraphe 7 bis')).toBe('7 bis');
    expect(query('en', 'PP3')).toBe('pp3');
    expect(query('zh', '第 7 bis 段')).toBe('7 bis');
  });
});
