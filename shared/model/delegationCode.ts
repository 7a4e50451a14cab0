/**
 * A short code for a delegation name, unique among `taken` (compared case-insensitively):
 * "Delegation of Norway" → "NOR", "European Union" → "EU", "Internet Society" → "IS".
 * Used when a free-text affiliation becomes a delegation (the migration, an invite
 * accepted without a named delegation); the chair can give a better code later.
 */
export function delegationCode(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((c) => c.toUpperCase()));
  const base = baseCode(name);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 8)}${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

const FILLER = new Set(['of', 'the', 'and', 'for', 'delegation', 'de', 'la', 'du', 'des', 'et']);

function baseCode(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !FILLER.has(w.toLowerCase()));
  if (words.length === 0) return 'DEL';
  if (words.length === 1) return (words[0] as string).slice(0, 3).toUpperCase();
  return words
    .slice(0, 6)
    .map((w) => (w[0] as string).toUpperCase())
    .join('');
}

/** A code the chair types: 1–12 letters, digits or hyphens, stored upper-case. */
export const DELEGATION_CODE_PATTERN = /^[A-Za-z0-9-]{1,12}$/;
