import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/createI18n.js';
import ar from '../../shared/i18n/locales/ar/ui.json';
import en from '../../shared/i18n/locales/en/ui.json';
import ru from '../../shared/i18n/locales/ru/ui.json';

/** The catalogs through the same i18next + ICU instance the client builds: each language's own plural rules. */
describe('plural messages', () => {
  const i18n = createI18n({ en: { ui: en }, ar: { ui: ar }, ru: { ui: ru } }, 'en');
  const brackets = (lng: string, count: number) => i18n.t('dashboard.openBrackets', { lng, count });

  it('uses all six Arabic forms: zero, one, two, few (3–10), many (11–99), other (100…)', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => brackets('ar', n))).toEqual([
      'لا أقواس معقوفة مفتوحة',
      'قوس معقوف مفتوح واحد',
      'قوسان معقوفان مفتوحان',
      '3 أقواس معقوفة مفتوحة',
      '11 قوسًا معقوفًا مفتوحًا',
      '100 قوس معقوف مفتوح',
    ]);
  });

  it('says "1 open bracket" and "3 open brackets" in English, and Russian has its three forms', () => {
    expect(brackets('en', 1)).toBe('1 open bracket');
    expect(brackets('en', 3)).toBe('3 open brackets');
    expect([1, 3, 5, 21].map((n) => brackets('ru', n))).toEqual([
      '1 открытая скобка',
      '3 открытые скобки',
      '5 открытых скобок',
      '21 открытая скобка',
    ]);
  });
});
