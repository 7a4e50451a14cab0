import type { ProposalKind } from './proposals.js';

/**
 * Suggestion mode ("Propose" on): what a person types and deletes in a paragraph does not
 * change the shared text; it accumulates, locally, into a pending suggestion that is tabled
 * as proposals. Pure, so the editor and the tests agree on what a keystroke means.
 *
 * A suggestion is a list of hunks over the paragraph's plain text (`base`: its runs of text
 * joined by '\n', as proposals address it): `base[from, to)` struck through and replaced by
 * `text`, shown after the struck text. Hunks are kept canonical — sorted, non-empty, neither
 * overlapping nor touching (touching hunks are one replacement) and never across a '\n' (a
 * proposal's span lies within one run of text) — so each hunk is exactly one proposal:
 * an insertion (from = to), a deletion (text '') or a replacement.
 *
 * The caret is a base offset `at` and, when `at` lies in a hunk or at its edge (from <= at <= to:
 * the struck text has no width in what one reads), `k`: how many characters of that hunk's
 * replacement are before the caret. So the caret moves through one's suggestion as through
 * plain text: typing goes in at the caret, Backspace eats the replacement before striking the
 * character before the hunk, Delete eats it before striking the one after.
 */
export interface Hunk {
  from: number;
  to: number;
  text: string;
}

/** A caret: a base offset, and in a hunk, the number of its replacement's characters before it (default: all). */
export interface Caret {
  at: number;
  k?: number;
}

export type SuggestionEdit =
  /** Typed or pasted text at a collapsed caret. */
  | ({ type: 'insert'; text: string } & Caret)
  | ({ type: 'backspace' } & Caret)
  | ({ type: 'deleteForward' } & Caret)
  /** A selection [from, to) replaced by `text` ('' for Backspace/Delete/cut on a selection). */
  | { type: 'replaceRange'; from: number; to: number; text: string };

export interface EditResult {
  hunks: Hunk[];
  /** Where the caret goes: a base offset, and k within the hunk there (see Caret). */
  caret: Required<Caret>;
}

/** A hunk as the proposal it tables. */
export interface SuggestedProposal {
  kind: Extract<ProposalKind, 'insert' | 'delete' | 'replace'>;
  from: number;
  to: number;
  quote: string;
  text: string;
}

const RUN_BREAK = '\n';

/** Whether [from, to) of base holds a run break (a change may not span two runs). */
function crossesRun(base: string, from: number, to: number): boolean {
  return base.slice(from, to).includes(RUN_BREAK);
}

/** The length of the character (code point) ending at `at`, or starting at `at`. */
function charBefore(base: string, at: number): number {
  const lo = base.charCodeAt(at - 1);
  const hi = base.charCodeAt(at - 2);
  return at >= 2 && lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff ? 2 : 1;
}
function charAfter(base: string, at: number): number {
  const hi = base.charCodeAt(at);
  const lo = base.charCodeAt(at + 1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff ? 2 : 1;
}

/** UTF-16 length of the code point ending at / starting at `k` of `s`. */
const pointBefore = (s: string, k: number) => charBefore(s, k);
const pointAfter = (s: string, k: number) => charAfter(s, k);

/** Sorted, without empty hunks, touching or overlapping ones merged (their texts in order). */
export function normalizeHunks(hunks: readonly Hunk[]): Hunk[] {
  const sorted = [...hunks].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: Hunk[] = [];
  for (const h of sorted) {
    if (h.from === h.to && h.text === '') continue;
    const last = out[out.length - 1];
    if (last && h.from <= last.to) {
      out[out.length - 1] = { from: last.from, to: Math.max(last.to, h.to), text: last.text + h.text };
    } else out.push({ ...h });
  }
  return out;
}

/** The index of the hunk whose closure [from, to] holds `at` (at most one: hunks never touch), or -1. */
export function hunkAt(hunks: readonly Hunk[], at: number): number {
  return hunks.findIndex((h) => h.from <= at && at <= h.to);
}

/** The caret at a base offset as a click puts it: after the replacement of the hunk there, if any. */
export function caretAt(hunks: readonly Hunk[], at: number): Required<Caret> {
  const h = hunks[hunkAt(hunks, at)];
  return { at, k: h ? h.text.length : 0 };
}

/** A caret inside `hunks[i]` after `k` characters of its replacement, shown where the editor can draw it. */
function caretIn(h: Hunk, k: number, fallback: number): Required<Caret> {
  // Struck text is drawn before the replacement: a caret before any of it sits before the struck text.
  return { at: h.text === '' || k === 0 ? Math.min(Math.max(fallback, h.from), h.to) : h.to, k };
}

/**
 * Applies one edit to a suggestion over `base`. Null when the edit is refused: it would
 * cross a run break, or lies outside the text. Never changes `base`.
 */
export function applySuggestionEdit(base: string, hunks: readonly Hunk[], edit: SuggestionEdit): EditResult | null {
  const n = base.length;
  const list = normalizeHunks(hunks);
  if (edit.type === 'replaceRange') return replaceRange(base, list, edit.from, edit.to, edit.text);
  const { at } = edit;
  if (at < 0 || at > n) return null;
  const i = hunkAt(list, at);
  const h = list[i];
  const k = h ? Math.min(Math.max(edit.k ?? h.text.length, 0), h.text.length) : 0;
  switch (edit.type) {
    case 'insert': {
      if (edit.text === '' || edit.text.includes(RUN_BREAK)) return null;
      if (h) {
        h.text = h.text.slice(0, k) + edit.text + h.text.slice(k);
        return { hunks: list, caret: caretIn(h, k + edit.text.length, at) };
      }
      list.push({ from: at, to: at, text: edit.text });
      const merged = normalizeHunks(list);
      return { hunks: merged, caret: { at, k: edit.text.length } };
    }
    case 'backspace': {
      if (h && k > 0) {
        const len = pointBefore(h.text, k);
        h.text = h.text.slice(0, k - len) + h.text.slice(k);
        const out = normalizeHunks(list);
        const still = out[hunkAt(out, at)];
        return { hunks: out, caret: still ? caretIn(still, k - len, at) : { at, k: 0 } };
      }
      const start = h ? h.from : at;
      if (start === 0) return null;
      const len = charBefore(base, start);
      if (crossesRun(base, start - len, start)) return null;
      // A hunk just before the struck character joins: the caret stays after its replacement.
      const prev = list.find((p) => p.to === start - len);
      const before = prev ? prev.text.length : 0;
      list.push({ from: start - len, to: start, text: '' });
      const out = normalizeHunks(list);
      const merged = out[hunkAt(out, start - len)] as Hunk;
      return { hunks: out, caret: caretIn(merged, before + k, start - len) };
    }
    case 'deleteForward': {
      if (h && k < h.text.length) {
        const len = pointAfter(h.text, k);
        h.text = h.text.slice(0, k) + h.text.slice(k + len);
        const out = normalizeHunks(list);
        const still = out[hunkAt(out, at)];
        return { hunks: out, caret: still ? caretIn(still, k, at) : { at, k: 0 } };
      }
      const end = h ? h.to : at;
      if (end >= n) return null;
      const len = charAfter(base, end);
      if (crossesRun(base, end, end + len)) return null;
      list.push({ from: end, to: end + len, text: '' });
      const out = normalizeHunks(list);
      const merged = out[hunkAt(out, end)] as Hunk;
      // Like a word processor, the caret passes over what it struck (before any replacement after it).
      return { hunks: out, caret: caretIn(merged, k, merged.text === '' ? end + len : at) };
    }
  }
}

function replaceRange(base: string, list: Hunk[], from: number, to: number, text: string): EditResult | null {
  const n = base.length;
  if (!(0 <= from && from < to && to <= n) || crossesRun(base, from, to) || text.includes(RUN_BREAK)) return null;
  // Replacements shown inside the selection (of hunks ending in (from, to]) go with it.
  const involved = list.filter((h) => h.to >= from && h.from <= to);
  const kept = list.filter((h) => !involved.includes(h));
  const before = involved
    .filter((h) => h.to === from)
    .map((h) => h.text)
    .join('');
  const after = involved
    .filter((h) => h.to > to)
    .map((h) => h.text)
    .join('');
  const merged = {
    from: Math.min(from, ...involved.map((h) => h.from)),
    to: Math.max(to, ...involved.map((h) => h.to)),
    text: before + text + after,
  };
  if (crossesRun(base, merged.from, merged.to)) return null;
  const out = normalizeHunks([...kept, merged]);
  return { hunks: out, caret: caretIn(merged, before.length + text.length, text === '' ? from : to) };
}

/** What the paragraph would read if every hunk were accepted. */
export function suggestedText(base: string, hunks: readonly Hunk[]): string {
  let out = '';
  let at = 0;
  for (const h of hunks) {
    out += base.slice(at, h.from) + h.text;
    at = h.to;
  }
  return out + base.slice(at);
}

/** The proposals a suggestion tables, one per hunk (a hunk that changes nothing tables none). */
export function suggestedProposals(base: string, hunks: readonly Hunk[]): SuggestedProposal[] {
  const out: SuggestedProposal[] = [];
  for (const h of normalizeHunks(hunks)) {
    const quote = base.slice(h.from, h.to);
    if (quote === h.text) continue;
    const kind = h.from === h.to ? 'insert' : h.text === '' ? 'delete' : 'replace';
    out.push({ kind, from: h.from, to: h.to, quote, text: h.text });
  }
  return out;
}

/** Runs of edits, for tests and replays: each refused edit leaves the suggestion as it was. */
export function applySuggestionEdits(base: string, edits: readonly SuggestionEdit[]): EditResult {
  let state: EditResult = { hunks: [], caret: { at: 0, k: 0 } };
  for (const e of edits) state = applySuggestionEdit(base, state.hunks, e) ?? state;
  return state;
}
