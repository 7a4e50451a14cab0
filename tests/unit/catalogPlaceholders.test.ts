import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { defaultLanguage, languages } from '../../shared/i18n/languages.js';

/**
 * A translation keeps every placeholder of the English message and invents none: a lost `{name}`
 * hides who did something, an unknown one prints nothing. This also catches ICU's apostrophe
 * quoting (French "d'{n}" would print "{n}" literally): the placeholder is then lost.
 * (Keys, parsing and plural forms: catalogs.test.ts.)
 */
const root = join(import.meta.dirname, '../../shared/i18n/locales');
type Catalog = { [key: string]: string | Catalog };
type Element = ReturnType<IntlMessageFormat['getAst']>[number];

function flatten(c: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const load = (lang: string, ns: string) =>
  flatten(JSON.parse(readFileSync(join(root, lang, `${ns}.json`), 'utf8')) as Catalog);

/** The argument names a message uses, at any depth of its plurals and selects. */
function args(elements: Element[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    // Type 0 is literal text, 7 the plural's `#`; every other element names an argument.
    if ('value' in el && typeof el.value === 'string' && el.type !== 0) out.add(el.value);
    if ('options' in el && el.options) {
      for (const o of Object.values(el.options as Record<string, { value: Element[] }>)) args(o.value, out);
    }
    if ('children' in el && Array.isArray(el.children)) args(el.children as Element[], out);
  }
  return out;
}

const namespaces = readdirSync(join(root, defaultLanguage))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe.each(namespaces)('placeholders of namespace %s', (ns) => {
  const english = load(defaultLanguage, ns);
  it.each(languages.filter((l) => l !== defaultLanguage))('%s keeps every placeholder', (lang) => {
    const catalog = load(lang, ns);
    const problems: string[] = [];
    for (const [key, en] of english) {
      const message = catalog.get(key);
      if (message === undefined) continue;
      const ours = args(new IntlMessageFormat(en, 'en').getAst());
      const theirs = args(new IntlMessageFormat(message, lang).getAst());
      const lost = [...ours].filter((a) => !theirs.has(a));
      const unknown = [...theirs].filter((a) => !ours.has(a));
      if (lost.length) problems.push(`${key}: loses {${lost.join('}, {')}}`);
      if (unknown.length) problems.push(`${key}: unknown {${unknown.join('}, {')}}`);
    }
    expect(problems).toEqual([]);
  });
});
