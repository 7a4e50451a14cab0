import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/locales/en/ui.json';

/**
 * Every key the client asks for (`t('…')`, `i18n.t('…')`) exists in the English catalog, and every
 * key built from a template (`t(\`status.${s}\`)`) names an existing group: a typo would show the
 * key itself on screen, in every language.
 */
const clientDir = join(import.meta.dirname, '../../client');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function lookup(key: string): unknown {
  let node: unknown = en;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

describe('keys used by the client', () => {
  const files = sources(clientDir);
  const literal = /\bt\(\s*'([A-Za-z0-9_.]+)'/g;
  const template = /\bt\(\s*`([A-Za-z0-9_.]*)\$\{/g;

  it('finds the translated components', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('are all in the English catalog', () => {
    const missing: string[] = [];
    let count = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(literal)) {
        count++;
        if (typeof lookup(m[1] as string) !== 'string') missing.push(`${file}: ${m[1]}`);
      }
      for (const m of text.matchAll(template)) {
        const group = (m[1] as string).replace(/\.$/, '');
        if (group && typeof lookup(group) !== 'object') missing.push(`${file}: ${m[1]}…`);
      }
    }
    expect(missing).toEqual([]);
    expect(count).toBeGreaterThan(250);
  });
});
