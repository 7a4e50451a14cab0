import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { proposerLabel } from '../../shared/model/bracketRules.js';
import { bracketsIn } from '../../shared/model/brackets.js';
import type { Bracket } from '../../shared/model/draft.js';
import { overlappingMarkKey } from '../../shared/model/markKeys.js';
import { readDraft } from '../../shared/model/readDraft.js';
import { bracketAttrs, clauseElement } from '../../shared/model/writeDraft.js';
import { clauseById, firstSection, indexOfClause, newClause, sendEdit, textOf } from '../support/editing.js';
import { GuardHarness, type Person, settle } from '../support/guardHarness.js';
import type { RawClient } from '../support/rawClient.js';

/**
 * Defects 3 and 19 over the raw wire: a bracket names whoever proposed it and keeps its
 * attributes wherever its text goes; removing it is for its proposer or the chair, and
 * resolving somebody else's alternative is the chair's. Each refusal leaves the server,
 * the store, a witness and the audit log untouched; what is allowed is audited as what it is.
 */
describe('brackets belong to their proposer', () => {
  let h: GuardHarness;
  let m: RawClient;
  let serial = 0;

  beforeEach(async () => {
    h = await GuardHarness.start();
    m = await h.join(h.member.token);
  });
  afterEach(() => h.stop());

  const bracketBy = (p: Person, group: string | null = null, at = Date.now()): Bracket => ({
    id: `b-test-${++serial}`,
    by: p.userId,
    byName: proposerLabel(p),
    at,
    group,
  });
  const mark = (b: Bracket) => {
    const attrs = bracketAttrs(b);
    return { [overlappingMarkKey('bracket', attrs)]: attrs };
  };
  const unmark = (b: Bracket) => ({ [overlappingMarkKey('bracket', bracketAttrs(b))]: null });
  const text = (c: RawClient, id: string) => textOf(clauseById(c.doc, id));
  const storedBrackets = async (id: string) => {
    const draft = readDraft((await h.storedDoc()).getXmlFragment('default'));
    const p = draft.sections.flatMap((s) => s.paragraphs).find((x) => x.id === id);
    return p ? bracketsIn(p).map((b) => `${b.id}:${b.by}`) : [];
  };
  const audit = async (action: string) => (await h.auditActions()).filter((a) => a.includes(`:${action}:`));
  /** The chair brackets "text" in p-open; everyone has it. */
  const chairBrackets = async (group: string | null = null): Promise<Bracket> => {
    const b = bracketBy(h.chairPerson, group);
    await h.expectAccepted(h.chair, () => text(h.chair, 'p-open').format(5, 4, mark(b)));
    await m.until(() => JSON.stringify(text(m, 'p-open').toDelta()).includes(b.id), 'the member to see the bracket');
    return b;
  };

  describe('authorship (defect 3)', () => {
    it('refuses a member’s inline bracket attributed to the chair', async () => {
      const before = await h.snapshot();
      sendEdit(m, () => text(m, 'p-open').format(0, 4, mark(bracketBy(h.chairPerson))));
      const notice = await h.expectRefused(m, 'bracket_forged', before);
      expect(notice.paragraphIds).toEqual(['p-open']);
    });

    it('refuses a whole-paragraph bracket in another delegation’s name', async () => {
      const before = await h.snapshot();
      sendEdit(m, () =>
        clauseById(m.doc, 'p-open').setAttribute('bracket', bracketAttrs(bracketBy(h.otherMember)) as never),
      );
      await h.expectRefused(m, 'bracket_forged', before);
    });

    it('refuses a new bracket under the sender’s id but another name, or stamped with an implausible time', async () => {
      for (const b of [
        { ...bracketBy(h.member), byName: 'The Chair (Secretariat)' },
        bracketBy(h.member, null, Date.now() + 24 * 3_600_000),
        bracketBy(h.member, null, 0),
      ]) {
        const c = await h.join(h.member.token);
        const before = await h.snapshot();
        sendEdit(c, () => text(c, 'p-open').format(0, 4, mark(b)));
        await h.expectRefused(c, 'bracket_forged', before);
      }
    });

    it('accepts and stores a member’s own bracket as theirs', async () => {
      const b = bracketBy(h.member);
      await h.expectAccepted(m, () => text(m, 'p-open').format(0, 4, mark(b)));
      expect(await storedBrackets('p-open')).toEqual([`${b.id}:${h.member.userId}`]);
    });

    it('refuses changing an existing bracket’s attributes', async () => {
      const b = await chairBrackets();
      const before = await h.snapshot();
      sendEdit(m, () => text(m, 'p-open').format(5, 4, mark({ ...b, byName: 'Somebody else' })));
      await h.expectRefused(m, 'bracket_forged', before);
    });

    it('carries an existing bracket along when a member splits the paragraph', async () => {
      const b = await chairBrackets();
      // As the editor splits before "text": the tail leaves p-open and becomes a new paragraph, bracket and all.
      await h.expectAccepted(m, () => {
        const t = text(m, 'p-open');
        t.delete(5, t.length - 5);
        firstSection(m.doc).insert(indexOfClause(m.doc, 'p-open') + 1, [
          clauseElement({
            id: 'p-open-tail',
            kind: 'operative',
            bis: false,
            altGroup: null,
            bracket: null,
            blocks: [
              {
                type: 'text',
                runs: [
                  { text: 'text', brackets: [b] },
                  { text: '.', brackets: [] },
                ],
              },
            ],
          }),
        ]);
      });
      expect(await storedBrackets('p-open')).toEqual([]);
      expect(await storedBrackets('p-open-tail')).toEqual([`${b.id}:${h.chairPerson.userId}`]);
    });
  });

  describe('removing brackets and resolving alternatives (defect 19)', () => {
    it('refuses a member unbracketing the chair’s bracket (Ctrl+Alt+R)', async () => {
      const b = await chairBrackets();
      const before = await h.snapshot();
      sendEdit(m, () => text(m, 'p-open').format(5, 4, unmark(b)));
      await h.expectRefused(m, 'not_your_bracket', before);
      expect(await storedBrackets('p-open')).toEqual([`${b.id}:${h.chairPerson.userId}`]);
    });

    it('refuses a member deleting all the text of the chair’s bracket, or the paragraph holding it', async () => {
      const b = await chairBrackets();
      let before = await h.snapshot();
      sendEdit(m, () => text(m, 'p-open').delete(5, 4));
      await h.expectRefused(m, 'not_your_bracket', before);
      const m2 = await h.join(h.member.token);
      before = await h.snapshot();
      sendEdit(m2, () => firstSection(m2.doc).delete(indexOfClause(m2.doc, 'p-open'), 1));
      await h.expectRefused(m2, 'not_your_bracket', before);
      expect(await storedBrackets('p-open')).toEqual([`${b.id}:${h.chairPerson.userId}`]);
    });

    it('refuses shrinking or growing another’s bracket, but lets a member edit the text inside it', async () => {
      const b = await chairBrackets();
      let before = await h.snapshot();
      sendEdit(m, () => text(m, 'p-open').format(5, 2, unmark(b)));
      await h.expectRefused(m, 'not_your_bracket', before);
      const m2 = await h.join(h.member.token);
      before = await h.snapshot();
      sendEdit(m2, () => text(m2, 'p-open').format(0, 9, mark(b)));
      await h.expectRefused(m2, 'not_your_bracket', before);
      const m3 = await h.join(h.member.token);
      await h.expectAccepted(m3, () => text(m3, 'p-open').insert(7, 'XY'));
      const stored = text({ doc: await h.storedDoc() } as RawClient, 'p-open').toDelta() as Array<{
        insert: string;
        attributes?: object;
      }>;
      expect(stored.find((op) => op.attributes)?.insert).toBe('teXYxt');
    });

    it('lets the proposer withdraw their own bracket, audited as a withdrawal', async () => {
      const b = bracketBy(h.member);
      await h.expectAccepted(m, () => text(m, 'p-after').format(0, 5, mark(b)));
      await h.expectAccepted(m, () => text(m, 'p-after').format(0, 5, unmark(b)));
      expect(await storedBrackets('p-after')).toEqual([]);
      await settle();
      expect(await audit('bracket.remove')).toEqual([
        `${h.member.userId}:bracket.remove:${JSON.stringify({ paragraph: 'p-after', bracket: b.id, proposer: h.member.userId, withdrawn: true })}`,
      ]);
    });

    it('lets the chair remove a member’s bracket, audited as a removal', async () => {
      const b = bracketBy(h.member);
      await h.expectAccepted(m, () => text(m, 'p-after').format(0, 5, mark(b)));
      await h.chair.until(() => JSON.stringify(text(h.chair, 'p-after').toDelta()).includes(b.id), 'chair sees it');
      await h.expectAccepted(h.chair, () => text(h.chair, 'p-after').delete(0, 5));
      await settle();
      expect(await audit('bracket.remove')).toEqual([
        `${h.chairPerson.userId}:bracket.remove:${JSON.stringify({ paragraph: 'p-after', bracket: b.id, proposer: h.member.userId, withdrawn: false })}`,
      ]);
    });

    it('refuses a member choosing between the chair’s options; the chair resolves, audited as a resolution', async () => {
      // "Open [Option 1: text][Option 2: words]."
      const o1 = bracketBy(h.chairPerson, 'g-inline');
      const o2 = bracketBy(h.chairPerson, 'g-inline');
      await h.expectAccepted(h.chair, () => {
        const t = text(h.chair, 'p-open');
        t.format(5, 4, mark(o1));
        t.insert(9, 'words', mark(o2));
      });
      await m.until(() => JSON.stringify(text(m, 'p-open').toDelta()).includes(o2.id), 'the member to see the options');
      const choose = (c: RawClient) => {
        const t = text(c, 'p-open');
        t.delete(9, 5);
        t.format(5, 4, unmark(o1));
      };
      const before = await h.snapshot();
      sendEdit(m, () => choose(m));
      await h.expectRefused(m, 'not_your_bracket', before);
      await h.expectAccepted(h.chair, () => choose(h.chair));
      expect(h.textAt(await h.storedDoc(), 'p-open')).toBe('Open text.');
      await settle();
      expect(
        (await audit('alternative.resolve')).map((a) => JSON.parse(a.split(':alternative.resolve:')[1] as string)),
      ).toEqual([
        {
          paragraph: 'p-open',
          group: 'g-inline',
          options: expect.arrayContaining([o1.id, o2.id]),
          proposers: [h.chairPerson.userId],
        },
      ]);
    });

    it('refuses a member resolving the chair’s paragraph alternative; the chair resolves it', async () => {
      await h.expectAccepted(h.chair, () => {
        clauseById(h.chair.doc, 'p-open').setAttribute('altGroup', 'g-par');
        const alt = newClause('p-open-alt', 'Other wording.');
        alt.setAttribute('altGroup', 'g-par');
        firstSection(h.chair.doc).insert(indexOfClause(h.chair.doc, 'p-open') + 1, [alt]);
      });
      await m.until(() => indexOfClause(m.doc, 'p-open-alt') >= 0, 'the member to see the alternative');
      let before = await h.snapshot();
      sendEdit(m, () => firstSection(m.doc).delete(indexOfClause(m.doc, 'p-open-alt'), 1));
      await h.expectRefused(m, 'chair_only', before);
      const m2 = await h.join(h.member.token);
      before = await h.snapshot();
      sendEdit(m2, () => clauseById(m2.doc, 'p-open').removeAttribute('altGroup'));
      await h.expectRefused(m2, 'chair_only', before);

      await h.expectAccepted(h.chair, () => {
        firstSection(h.chair.doc).delete(indexOfClause(h.chair.doc, 'p-open-alt'), 1);
        clauseById(h.chair.doc, 'p-open').removeAttribute('altGroup');
      });
      await settle();
      expect(await audit('alternative.resolve')).toHaveLength(1);
    });

    it('lets a member withdraw a paragraph alternative they proposed', async () => {
      await h.expectAccepted(m, () => {
        clauseById(m.doc, 'p-after').setAttribute('altGroup', 'g-mine');
        const alt = newClause('p-after-alt', 'My wording.');
        alt.setAttribute('altGroup', 'g-mine');
        firstSection(m.doc).insert(indexOfClause(m.doc, 'p-after') + 1, [alt]);
      });
      await h.expectAccepted(m, () => {
        firstSection(m.doc).delete(indexOfClause(m.doc, 'p-after-alt'), 1);
        clauseById(m.doc, 'p-after').removeAttribute('altGroup');
      });
      const draft = readDraft((await h.storedDoc()).getXmlFragment('default'));
      expect(draft.sections[0]?.paragraphs.map((p) => [p.id, p.altGroup])).toContainEqual(['p-after', null]);
      expect(Y.encodeStateVector(await h.serverDoc())).toEqual(Y.encodeStateVector(h.witness.doc));
    });
  });
});
