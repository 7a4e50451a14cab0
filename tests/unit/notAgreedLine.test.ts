import { describe, expect, it } from 'vitest';
import { notAgreedLine } from '../../client/chair/notAgreedLine.js';
import { notAgreed } from '../../server/export/reportModel.js';
import { createI18n } from '../../shared/i18n/createI18n.js';
import { languages } from '../../shared/i18n/languages.js';
import ar from '../../shared/i18n/locales/ar/ui.json';
import en from '../../shared/i18n/locales/en/ui.json';
import es from '../../shared/i18n/locales/es/ui.json';
import fr from '../../shared/i18n/locales/fr/ui.json';
import ru from '../../shared/i18n/locales/ru/ui.json';
import zh from '../../shared/i18n/locales/zh/ui.json';
import type { Draft, Paragraph } from '../../shared/model/draft.js';

/** Why the clean report is refused, as the chair reads it: from the server's codes, in their language. */
describe('reasons a paragraph keeps the clean report back', () => {
  const bracket = (id: string, group: string | null = null) => ({ id, by: 'u', byName: 'Ana', at: 1, group });
  const para = (id: string, text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
    id,
    kind: 'operative',
    bis: false,
    altGroup: null,
    bracket: null,
    blocks: [{ type: 'text', runs: [{ text, brackets: [] }] }],
    ...extra,
  });
  const draft: Draft = {
    sections: [
      {
        id: 's',
        heading: 'I',
        paragraphs: [
          para('a', 'Agreed text.'),
          {
            ...para('b', ''),
            blocks: [
              {
                type: 'text',
                runs: [
                  { text: 'States ', brackets: [] },
                  { text: 'shall', brackets: [bracket('x')] },
                ],
              },
            ],
          },
          para('c', 'Option one.', { altGroup: 'g', bracket: bracket('o1', 'g') }),
          para('d', 'Option two.', { altGroup: 'g', bracket: bracket('o2', 'g') }),
        ],
      },
    ],
  };
  const objection = (id: string) => ({
    id,
    paragraphId: 'b',
    author: { id: 'm', name: 'Mia', affiliation: 'Chile' },
    reason: 'No.',
    at: 2,
    state: 'standing' as const,
    answer: null,
    withdrawnAt: null,
  });
  const governance = {
    meta: { title: 'Report', symbol: 'EG/1' },
    statuses: { a: 'agreed' as const, b: 'under_negotiation' as const },
    locks: {},
    objections: [objection('o-1'), objection('o-2'), objection('o-3')],
  };
  const refused = notAgreed(draft, governance);
  const i18n = createI18n({
    en: { ui: en },
    fr: { ui: fr },
    es: { ui: es },
    ru: { ui: ru },
    zh: { ui: zh },
    ar: { ui: ar },
  });
  const lines = (lng: (typeof languages)[number]) =>
    refused.map((entry) => notAgreedLine(i18n, lng, JSON.parse(JSON.stringify(entry)), (id) => id));

  it('the server names every unagreed paragraph with codes beside its English reasons', () => {
    expect(refused.map((r) => [r.paragraphId, r.why.map((w) => w.code)])).toEqual([
      ['b', ['status', 'open_brackets', 'standing_objections']],
      ['c', ['status', 'unresolved_alternative']],
      ['d', ['status', 'unresolved_alternative']],
    ]);
    expect(refused[0]?.reasons).toEqual(['status is "Under negotiation"', 'open brackets', '3 standing objections']);
  });

  it('reads the same in English as the API’s reasons', () => {
    expect(lines('en')[0]).toBe(
      'paragraph 2 (status is “under negotiation”, open brackets, and 3 standing objections)',
    );
  });

  it('is worded in each of the six languages, with its plural rules, and never shows a key', () => {
    for (const lng of languages) {
      for (const line of lines(lng)) {
        expect(line, lng).not.toMatch(/revisions\.|status\.|notAgreed/);
        expect(line, lng).toMatch(/[(（]/);
      }
    }
    expect(lines('fr')[0]).toContain('3 objections maintenues');
    expect(lines('ru')[0]).toContain('3 неснятых возражения');
    expect(lines('ar')[0]).toContain('3 اعتراضات قائمة');
    expect(lines('zh')[0]).toContain('3 项未撤回的反对意见');
    expect(lines('es')[1]).toContain('alternativa sin resolver');
  });

  it('falls back to the English reasons of a server without codes, and ignores codes it does not know', () => {
    const old = { paragraphId: 'b', number: '4', reasons: ['open brackets'] };
    expect(notAgreedLine(i18n, 'fr', old, (id) => id)).toBe('paragraphe 4 (open brackets)');
    const odd = { paragraphId: 'b', number: '4', why: [{ code: 'nonsense' }, { code: 'status', status: '<x>' }] };
    expect(notAgreedLine(i18n, 'en', odd, (id) => id)).toBe('paragraph 4');
  });
});
