import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { defaultLanguage, languages } from '../../shared/i18n/languages.js';

/**
 * Every catalog of every namespace under shared/i18n/locales (the exports' `export`, the client's
 * `ui`, any added later): the same keys as English, messages that parse as ICU MessageFormat, and
 * plurals with every form the language's plural rules have (Arabic: zero, one, two, few, many, other).
 */
const root = join(import.meta.dirname, '../../shared/i18n/locales');

type Catalog = { [key: string]: string | Catalog };
type Element = ReturnType<IntlMessageFormat['getAst']>[number];

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The plural arguments of a message, depth first, each with the forms (categories) it gives. */
function plurals(elements: Element[]): string[][] {
  const out: string[][] = [];
  for (const el of elements) {
    if ('options' in el && typeof el.options === 'object') {
      const options = el.options as Record<string, { value: Element[] }>;
      if ('pluralType' in el && el.pluralType === 'cardinal') out.push(Object.keys(options));
      for (const option of Object.values(options)) out.push(...plurals(option.value));
    }
    if ('children' in el && Array.isArray(el.children)) out.push(...plurals(el.children as Element[]));
  }
  return out;
}

const namespaces = [
  ...new Set(languages.flatMap((l) => readdirSync(join(root, l)).filter((f) => f.endsWith('.json')))),
].map((f) => f.replace(/\.json$/, ''));

const load = (lang: string, ns: string): Map<string, string> =>
  flatten(JSON.parse(readFileSync(join(root, lang, `${ns}.json`), 'utf8')) as Catalog);

describe('message catalogs', () => {
  it('has the export namespace at least', () => {
    expect(namespaces).toContain('export');
  });

  describe.each(namespaces)('namespace %s', (ns) => {
    const english = load(defaultLanguage, ns);

    it.each(languages)('%s has exactly the keys English has', (lang) => {
      const catalog = load(lang, ns);
      expect(
        [...catalog.keys()].filter((k) => !english.has(k)),
        'keys English lacks',
      ).toEqual([]);
      expect(
        [...english.keys()].filter((k) => !catalog.has(k)),
        'keys missing',
      ).toEqual([]);
    });

    it.each(languages)('%s: every message parses as ICU and has every plural form of the language', (lang) => {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, message] of load(lang, ns)) {
        let ast: Element[];
        try {
          ast = new IntlMessageFormat(message, lang).getAst();
        } catch (e) {
          throw new Error(`${lang}/${ns}.json ${key}: ${(e as Error).message}`);
        }
        const englishPlurals = plurals(new IntlMessageFormat(english.get(key) ?? '', 'en').getAst());
        const own = plurals(ast);
        expect(own.length, `${lang} ${key}: as many plural arguments as English`).toBe(englishPlurals.length);
        for (const forms of own) {
          // Exact matches (=0) may stand beside the categories; every category must be there.
          expect(forms, `${lang} ${key}`).toEqual(expect.arrayContaining(categories));
        }
      }
    });

    it('Arabic plurals have the six forms wherever English has a plural', () => {
      const arabic = load('ar', ns);
      for (const [key, message] of english) {
        if (plurals(new IntlMessageFormat(message, 'en').getAst()).length === 0) continue;
        for (const forms of plurals(new IntlMessageFormat(arabic.get(key) ?? '', 'ar').getAst())) {
          expect(forms, key).toEqual(expect.arrayContaining(['zero', 'one', 'two', 'few', 'many', 'other']));
        }
      }
    });
  });
});
