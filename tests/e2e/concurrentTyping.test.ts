import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bracket } from '../../shared/model/draft.js';
import { converged, KEY_DELAY_MS, pageTexts, placeCaret, seedDraft, serverDraft } from '../support/coediting.js';
import type { TestServer } from '../support/testServer.js';
import { openDraft, until } from './support/draftPage.js';
import { startServerAndBrowser } from './support/serverAndBrowser.js';

const bracket: Bracket = { id: 'b1', by: 'admin', byName: 'Secretariat', at: 1, group: null };

const PARAGRAPHS = {
  startEnd: 'The Parties agree to cooperate on data.',
  middleEnd: 'States shall publish their data annually.',
  samePosition: 'Capacity building matters.',
  threeTypists: 'Each State designates a contact point.',
  marks: [
    { text: 'Data shall be shared ', brackets: [] },
    { text: 'every year', brackets: [bracket] },
    { text: ' by all.', brackets: [] },
  ],
  enter: 'First half of the text. Second half of the text.',
  backspace: 'Alpha beta gamma delta epsilon.',
};

/**
 * Several people typing into the same paragraph at a realistic pace (one key every
 * 150 ms), as a group does. Whatever arrives from the others, each person's caret must
 * stay after what they just typed: their words come out whole and in order, and every
 * page ends with the server's text.
 */
describe('typing together in one paragraph', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: (() => Promise<void>) | undefined;
  let docId: string;
  let member: Page;
  let chair: Page;
  let second: Page;
  const pageErrors: string[] = [];
  const ids: Record<keyof typeof PARAGRAPHS, string> = {
    startEnd: 'p1',
    middleEnd: 'p2',
    samePosition: 'p3',
    threeTypists: 'p4',
    marks: 'p5',
    enter: 'p6',
    backspace: 'p7',
  };

  beforeAll(async () => {
    ({ server, browser, stop } = await startServerAndBrowser());
    docId = await seedDraft(server, 'Typing together', Object.values(PARAGRAPHS));
    const open = async (role: 'member' | 'chair', name: string) => {
      const person = await server.addPerson(docId, role, name);
      const { page } = await openDraft(browser, server, person.userId, docId);
      page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
      return page;
    };
    member = await open('member', 'Mia Member');
    chair = await open('chair', 'Carla Chair');
    second = await open('member', 'Sam Second');
  });

  afterAll(() => stop?.());

  const all = () => [member, chair, second];
  const textOf = async (id: string) => {
    const draft = await serverDraft(server, docId);
    const p = draft.sections[0]?.paragraphs.find((q) => q.id === id);
    if (!p) throw new Error(`no paragraph ${id}`);
    return p;
  };
  const plain = async (id: string) =>
    (await textOf(id)).blocks.map((b) => (b.type === 'text' ? b.runs.map((r) => r.text).join('') : '')).join('');
  const type = (page: Page, text: string) => page.keyboard.type(text, { delay: KEY_DELAY_MS });

  it('one at the start, one at the end', async () => {
    const id = ids.startEnd;
    await placeCaret(member, id, 0);
    await placeCaret(chair, id, -1);
    await Promise.all([type(member, 'Member writes. '), type(chair, ' Chair adds this.')]);
    await converged(server, docId, all());
    expect(await plain(id)).toBe('Member writes. The Parties agree to cooperate on data. Chair adds this.');
  });

  it('one in the middle, one at the end', async () => {
    const id = ids.middleEnd;
    await placeCaret(member, id, 'States shall '.length);
    await placeCaret(chair, id, -1);
    await Promise.all([type(member, 'promptly '), type(chair, ' Chair adds this.')]);
    await converged(server, docId, all());
    expect(await plain(id)).toBe('States shall promptly publish their data annually. Chair adds this.');
  });

  it('both at the same position: each run stays whole', async () => {
    const id = ids.samePosition;
    const at = 'Capacity '.length;
    await placeCaret(member, id, at);
    await placeCaret(chair, id, at);
    await Promise.all([type(member, 'member text '), type(chair, 'chair words ')]);
    await converged(server, docId, all());
    expect([
      'Capacity member text chair words building matters.',
      'Capacity chair words member text building matters.',
    ]).toContain(await plain(id));
  });

  it('three people at start, middle and end', async () => {
    const id = ids.threeTypists;
    await placeCaret(member, id, 0);
    await placeCaret(second, id, 'Each State designates '.length);
    await placeCaret(chair, id, -1);
    await Promise.all([type(member, 'First, '), type(second, 'promptly '), type(chair, ' Chair adds this.')]);
    await converged(server, docId, all());
    expect(await plain(id)).toBe('First, Each State designates promptly a contact point. Chair adds this.');
  });

  it('one types inside a bracket while another types right after it', async () => {
    const id = ids.marks;
    await placeCaret(member, id, 'Data shall be shared every'.length);
    await placeCaret(chair, id, 'Data shall be shared every year'.length);
    await Promise.all([type(member, ' single'), type(chair, ' at least')]);
    await converged(server, docId, all());
    expect(await plain(id)).toBe('Data shall be shared every single year at least by all.');
    const block = (await textOf(id)).blocks[0];
    if (block?.type !== 'text') throw new Error('expected a text block');
    const inside = block.runs.filter((r) => r.brackets.some((b) => b.id === 'b1')).map((r) => r.text);
    expect(inside.join('')).toBe('every single year');
  });

  it('one splits the paragraph with Enter while another types in it', async () => {
    const id = ids.enter;
    await placeCaret(member, id, -1);
    await placeCaret(chair, id, 'First half of the text. '.length);
    // The member is mid-sentence when the chair splits. A key still on its way while the paragraph
    // splits stays in the half it was typed into (Yjs has no "move": the split deletes the tail and
    // inserts it anew), so the member's next key waits until the split has reached them.
    const split = async (page: Page) => (await pageTexts(page)).filter((t) => t.includes('half of the text')).length;
    const memberTyping = (async () => {
      await type(member, ' Mo');
      await until(async () => (await split(member)) === 2, 'the split at the member');
      await type(member, 're words.');
    })();
    await until(async () => (await pageTexts(chair)).some((t) => t.endsWith('text. Mo')), 'the keys at the chair');
    await chair.keyboard.press('Enter');
    await Promise.all([memberTyping, type(chair, 'Inserted. ')]);
    const texts = await converged(server, docId, all());
    const halves = texts.filter((t) => t.includes('half of the text')).map((t) => t.replace(/^[^:]+: /, ''));
    expect(halves).toHaveLength(2);
    const joined = halves.join('\n');
    // Each typist's words are whole; without them, the original text is intact around the split.
    expect(joined).toContain(' More words.');
    expect(joined).toContain('Inserted. ');
    expect(joined.replace(' More words.', '').replace('Inserted. ', '')).toBe(
      'First half of the text. \nSecond half of the text.',
    );
  });

  it('one presses Backspace across the place where another types', async () => {
    const id = ids.backspace;
    const original = PARAGRAPHS.backspace;
    const typed = ' including';
    const from = 'Alpha beta gamma'.length;
    const presses = 8;
    await placeCaret(member, id, 'Alpha beta'.length);
    await placeCaret(chair, id, from);
    await Promise.all([
      type(member, typed),
      (async () => {
        for (let i = 0; i < presses; i++) await chair.keyboard.press('Backspace', { delay: KEY_DELAY_MS });
      })(),
    ]);
    await converged(server, docId, all());
    const text = await plain(id);
    // Every key did exactly one thing: nothing lost, nothing deleted twice.
    expect(text.length).toBe(original.length + typed.length - presses);
    // The text after the deleting caret is untouched; before it, some prefix of the original survives,
    // then what is left of the typed words — in the order they were typed, never reversed.
    expect(text.endsWith(original.slice(from))).toBe(true);
    const head = text.slice(0, text.length - original.slice(from).length);
    let keep = 0;
    while (keep < head.length && keep < 'Alpha beta'.length && head[keep] === original[keep]) keep++;
    const survivors = head.slice(keep);
    expect(isSubsequence(survivors, typed), `"${survivors}" is not what was typed, in order`).toBe(true);
  });

  it('no page reported an error', () => {
    expect(pageErrors).toEqual([]);
  });
});

function isSubsequence(part: string, whole: string): boolean {
  let i = 0;
  for (const ch of whole) if (i < part.length && part[i] === ch) i++;
  return i === part.length;
}
