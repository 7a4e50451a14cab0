import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTextChange } from '../../shared/model/proposals.js';
import {
  applySuggestionEdit,
  applySuggestionEdits,
  type EditResult,
  type Hunk,
  type SuggestionEdit,
  suggestedProposals,
  suggestedText,
} from '../../shared/model/suggestion.js';
import { propertyRuns } from '../support/propertyRuns.js';

/** Suggestion mode: keystrokes → a pending suggestion → insert/delete/replace proposals. */

const base = 'States should cooperate.';

/** Every hunk list a suggestion can reach is canonical: sorted, non-empty, apart, within one run. */
function expectCanonical(text: string, hunks: readonly Hunk[]): void {
  for (const [i, h] of hunks.entries()) {
    expect(0 <= h.from && h.from <= h.to && h.to <= text.length).toBe(true);
    expect(h.from < h.to || h.text !== '').toBe(true);
    expect(text.slice(h.from, h.to).includes('\n')).toBe(false);
    expect(h.text.includes('\n')).toBe(false);
    const next = hunks[i + 1];
    if (next) expect(h.to < next.from).toBe(true);
  }
}

/** Applies proposals right to left, as the chair accepting all of them would. */
function acceptAll(text: string, hunks: readonly Hunk[]): string {
  return suggestedProposals(text, hunks)
    .sort((a, b) => b.from - a.from)
    .reduce((t, p) => applyTextChange(t, p.from, p.to, p.text), text);
}

describe('suggestion model: keystrokes to proposals', () => {
  it('typing at a caret is one insertion, in typing order', () => {
    const at = base.indexOf(' cooperate');
    let state: EditResult = { hunks: [], caret: { at, k: 0 } };
    for (const ch of ' fully')
      state = applySuggestionEdit(base, state.hunks, { type: 'insert', ...state.caret, text: ch }) ?? state;
    expect(suggestedProposals(base, state.hunks)).toEqual([
      { kind: 'insert', from: at, to: at, quote: '', text: ' fully' },
    ]);
    expect(suggestedText(base, state.hunks)).toBe('States should fully cooperate.');
  });

  it('a selection typed over is one replacement; Backspace from a caret strikes one deletion', () => {
    const from = base.indexOf('should');
    let state = applySuggestionEdit(base, [], { type: 'replaceRange', from, to: from + 6, text: 's' });
    for (const ch of 'hall')
      state = state && applySuggestionEdit(base, state.hunks, { type: 'insert', ...state.caret, text: ch });
    const end = base.length - 1; // before the full stop
    state = state && applySuggestionEdit(base, state.hunks, { type: 'backspace', at: end });
    for (let i = 0; i < 8; i++)
      state = state && applySuggestionEdit(base, state.hunks, { type: 'backspace', ...state.caret });
    expect(state && suggestedProposals(base, state.hunks)).toEqual([
      { kind: 'replace', from, to: from + 6, quote: 'should', text: 'shall' },
      { kind: 'delete', from: end - 9, to: end, quote: 'cooperate', text: '' },
    ]);
  });

  it('overlapping edits merge: striking back over a replacement makes one wider replacement', () => {
    const from = base.indexOf('should');
    let state = applySuggestionEdits(base, [
      { type: 'replaceRange', from, to: from + 6, text: 'shall' },
      { type: 'backspace', at: from + 6 }, // eats the replacement's last letter
    ]);
    expect(state.hunks).toEqual([{ from, to: from + 6, text: 'shal' }]);
    // A selection across the hunk and the words after it takes the hunk in.
    state =
      applySuggestionEdit(base, state.hunks, { type: 'replaceRange', from: from + 3, to: from + 16, text: 'must' }) ??
      state;
    expect(suggestedProposals(base, state.hunks)).toEqual([
      { kind: 'replace', from, to: from + 16, quote: 'should cooperate', text: 'must' },
    ]);
  });

  it('a change never crosses a run break; surrogate pairs are struck whole', () => {
    const two = 'ab\ncd';
    expect(applySuggestionEdit(two, [], { type: 'backspace', at: 3 })).toBeNull();
    expect(applySuggestionEdit(two, [], { type: 'deleteForward', at: 2 })).toBeNull();
    expect(applySuggestionEdit(two, [], { type: 'replaceRange', from: 1, to: 4, text: 'x' })).toBeNull();
    expect(applySuggestionEdit(two, [], { type: 'insert', at: 2, text: 'x\ny' })).toBeNull();
    const emoji = 'a😀b';
    expect(applySuggestionEdit(emoji, [], { type: 'backspace', at: 3 })?.hunks).toEqual([{ from: 1, to: 3, text: '' }]);
    expect(applySuggestionEdit(emoji, [], { type: 'deleteForward', at: 1 })?.hunks).toEqual([
      { from: 1, to: 3, text: '' },
    ]);
  });

  it('typing then erasing it leaves no proposal; retyping the struck words tables none', () => {
    const at = 6;
    const s = applySuggestionEdits(base, [
      { type: 'insert', at, text: 'x' },
      { type: 'backspace', at },
    ]);
    expect(s.hunks).toEqual([]);
    const same = applySuggestionEdit(base, [], { type: 'replaceRange', from: 0, to: 6, text: 'States' });
    expect(same && suggestedProposals(base, same.hunks)).toEqual([]);
  });

  /**
   * The oracle: typing, Backspace and Delete at a caret that follows the edits (as a person's
   * does) give, once every proposal is accepted, the text a plain editor would have made.
   */
  it('property: a run of keystrokes reads like plain editing, and its proposals rebuild it', () => {
    const key = fc.oneof(
      fc.record({ k: fc.constant('type' as const), ch: fc.constantFrom('x', 'y', ' ', 'é') }),
      fc.constant({ k: 'back' as const }),
      fc.constant({ k: 'del' as const }),
    );
    const scenario = fc
      .string({ unit: fc.constantFrom('a', 'b', 'c', ' '), minLength: 0, maxLength: 20 })
      .chain((text) => fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.array(key, { maxLength: 40 })));
    fc.assert(
      fc.property(scenario, ([text, start, keys]) => {
        let plain = text;
        let plainCaret = start;
        let state: EditResult = { hunks: [], caret: { at: start, k: 0 } };
        for (const key of keys) {
          const edit: SuggestionEdit =
            key.k === 'type'
              ? { type: 'insert', ...state.caret, text: key.ch }
              : key.k === 'back'
                ? { type: 'backspace', ...state.caret }
                : { type: 'deleteForward', ...state.caret };
          state = applySuggestionEdit(text, state.hunks, edit) ?? state;
          if (key.k === 'type') {
            plain = plain.slice(0, plainCaret) + key.ch + plain.slice(plainCaret);
            plainCaret += 1;
          } else if (key.k === 'back' && plainCaret > 0) {
            plain = plain.slice(0, plainCaret - 1) + plain.slice(plainCaret);
            plainCaret -= 1;
          } else if (key.k === 'del') plain = plain.slice(0, plainCaret) + plain.slice(plainCaret + 1);
          expectCanonical(text, state.hunks);
          expect(suggestedText(text, state.hunks)).toBe(plain);
        }
        expect(acceptAll(text, state.hunks)).toBe(suggestedText(text, state.hunks));
      }),
      propertyRuns('suggestion keystrokes', 300),
    );
  });

  it('property: any edits anywhere (clicks, selections, run breaks) keep the suggestion canonical and tableable', () => {
    const scenario = fc
      .string({ unit: fc.constantFrom('a', 'b', '\n', ' '), minLength: 1, maxLength: 20 })
      .chain((text) => {
        const at = fc.nat({ max: text.length });
        const edit: fc.Arbitrary<SuggestionEdit> = fc.oneof(
          fc.record({ type: fc.constant('insert' as const), at, text: fc.constantFrom('X', 'YZ') }),
          fc.record({ type: fc.constant('backspace' as const), at }),
          fc.record({ type: fc.constant('deleteForward' as const), at }),
          fc
            .tuple(at, at, fc.constantFrom('', 'Q'))
            .map(([a, b, t]) => ({ type: 'replaceRange' as const, from: Math.min(a, b), to: Math.max(a, b), text: t })),
        );
        return fc.tuple(fc.constant(text), fc.array(edit, { maxLength: 30 }));
      });
    fc.assert(
      fc.property(scenario, ([text, edits]) => {
        const { hunks, caret } = applySuggestionEdits(text, edits);
        expectCanonical(text, hunks);
        expect(0 <= caret.at && caret.at <= text.length).toBe(true);
        for (const p of suggestedProposals(text, hunks)) {
          expect(p.quote).toBe(text.slice(p.from, p.to));
          expect(p.kind).toBe(p.from === p.to ? 'insert' : p.text === '' ? 'delete' : 'replace');
        }
        expect(acceptAll(text, hunks)).toBe(suggestedText(text, hunks));
      }),
      propertyRuns('suggestion edits anywhere', 300),
    );
  });
});
