/**
 * What someone typed to find a paragraph ("paragraph 12", "paragraphe 7 bis", "第 12 段",
 * "الفقرة ١٢", "§ 3") → the number alone, lower-case, to compare with the paragraph's own number.
 * `inLanguage` is the reader's catalog wording of "paragraph {number}" with the number replaced
 * by `\u0000`, so the words around the number are stripped in any of the six languages; the
 * English words are stripped too (people paste numbers from English documents).
 */
export function paragraphQuery(typed: string, inLanguage: string): string {
  const [before = '', after = ''] = inLanguage.split('\u0000');
  let q = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  // Arabic-Indic and Eastern Arabic-Indic digits read as the digits the numbers are stored with.
  q = q.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  q = q.replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  const strip = (s: string, word: string, atStart: boolean) => {
    const w = word.trim().toLowerCase();
    if (!w) return s;
    if (atStart && s.startsWith(w)) return s.slice(w.length).trim();
    if (!atStart && s.endsWith(w)) return s.slice(0, -w.length).trim();
    return s;
  };
  q = strip(strip(q, before, true), after, false);
  return q.replace(/^(paragraph|para\.?|§)\s*/, '').trim();
}
