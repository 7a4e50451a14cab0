import { digest } from 'lib0/hash/sha256';
import type { Block, InlineRun, Paragraph } from '../model/draft.js';

/**
 * The content hash of a paragraph: what a chair saw when agreeing or locking it,
 * and what an agreement is tied to. It covers everything that changes what the
 * paragraph says — text, bold/italic, brackets and their proposers, lists, the
 * paragraph's kind, bis, alternative group and whole-paragraph bracket — and
 * nothing about how Yjs happens to store it (runs with equal marks are merged
 * first, so the same content always gives the same hash).
 *
 * Pure and synchronous (lib0's SHA-256: Node's crypto on the server, a JS
 * implementation in the browser), so the server computes it inside the room's
 * synchronous step and the client computes the same value from its own model.
 */
export function paragraphHash(p: Paragraph): string {
  const canonical = {
    kind: p.kind,
    bis: p.bis,
    altGroup: p.altGroup,
    bracket: p.bracket,
    blocks: p.blocks.map(canonicalBlock),
  };
  const bytes = digest(new TextEncoder().encode(JSON.stringify(canonical)));
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

function canonicalBlock(b: Block): unknown {
  if (b.type === 'list')
    return { list: b.ordered ? 'ordered' : 'bullet', items: b.items.map((i) => i.map(canonicalBlock)) };
  const runs: Array<{ text: string; marks: string }> = [];
  for (const r of b.runs) {
    if (r.text === '') continue;
    const marks = marksOf(r);
    const last = runs[runs.length - 1];
    if (last && last.marks === marks) last.text += r.text;
    else runs.push({ text: r.text, marks });
  }
  return { text: runs };
}

function marksOf(r: InlineRun): string {
  return JSON.stringify([
    r.bold === true,
    r.italic === true,
    r.brackets.map((k) => [k.id, k.by, k.byName, k.at, k.group]),
  ]);
}
