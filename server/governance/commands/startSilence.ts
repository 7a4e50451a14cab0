import { randomUUID } from 'node:crypto';
import { hasOpenBrackets } from '../../../shared/model/brackets.js';
import type { Paragraph } from '../../../shared/model/draft.js';
import { readDraft } from '../../../shared/model/readDraft.js';
import { EDITOR_ROOT } from '../../../shared/model/schemaNames.js';
import type { Silence, SilenceScope } from '../../../shared/model/silence.js';
import { notFound } from '../../http/httpError.js';
import type { DeadlineQueue } from '../../store/deadlineQueue.js';
import { actor, type GovernanceCommand } from '../command.js';
import { SilenceMap, silenceDeadlineKey } from '../silenceMap.js';
import { requireDeadline, silenceConflict } from '../silenceRules.js';

export interface StartSilenceInput {
  scope: SilenceScope;
  /** Epoch milliseconds. */
  deadline: number;
  /** As the chair gave it (IANA name or offset), for display. */
  timeZone: string;
  lockOnExpiry: boolean;
  note: string;
}

/**
 * The chair places the whole draft, a section or chosen paragraphs under silence until a
 * deadline. From this step on those paragraphs are frozen for everyone (the update guard and
 * every command refuse changes to them); the deadline is scheduled in the deadline table in
 * the same store transaction, so the expiry cannot be lost nor exist without the silence.
 *
 * Only clean text is circulated: a paragraph with open brackets or a standing objection could
 * not be agreed at the deadline. In a draft or section scope such paragraphs are left out (and
 * named in `leftOut`), as locked ones are (already agreed); a chosen one is refused (409
 * not_clean, naming them), since the chair asked for exactly those.
 */
export function startSilence(
  deadlines: DeadlineQueue,
): GovernanceCommand<StartSilenceInput, { paragraphIds: string[]; leftOut: string[] }, Silence> {
  return {
    permission: 'silence.run',
    forbidden: 'Only the chair starts a silence procedure.',
    rule(ctx, { scope, deadline }) {
      requireDeadline(ctx.now, deadline);
      const sections = readDraft(ctx.doc.getXmlFragment(EDITOR_ROOT)).sections;
      let chosen: Paragraph[];
      if (scope.kind === 'draft') {
        chosen = sections.flatMap((s) => s.paragraphs).filter((p) => !ctx.gov.lock(p.id));
      } else if (scope.kind === 'section') {
        const section = sections.find((s) => s.id === scope.sectionId);
        if (!section) throw notFound('No section with this id in the draft.');
        chosen = section.paragraphs.filter((p) => !ctx.gov.lock(p.id));
      } else {
        const wanted = new Set(scope.paragraphIds);
        chosen = sections.flatMap((s) => s.paragraphs).filter((p) => wanted.has(p.id));
        if (chosen.length !== wanted.size) throw notFound('A chosen paragraph is not in the draft.');
        const locked = chosen.filter((p) => ctx.gov.lock(p.id)).map((p) => p.id);
        if (locked.length > 0) {
          throw silenceConflict('locked', 'A locked paragraph is already agreed; leave it out.', {
            paragraphIds: locked,
          });
        }
      }
      const unclean = chosen.filter((p) => hasOpenBrackets(p) || ctx.gov.standingObjections(p.id) > 0).map((p) => p.id);
      if (unclean.length > 0 && scope.kind === 'paragraphs') {
        throw silenceConflict(
          'not_clean',
          'Paragraphs with open brackets or standing objections cannot be adopted by silence; resolve them or leave them out.',
          { paragraphIds: unclean },
        );
      }
      const leftOut = new Set(unclean);
      chosen = chosen.filter((p) => !leftOut.has(p.id));
      if (chosen.length === 0) {
        throw silenceConflict(
          'nothing_to_silence',
          'There is no paragraph to circulate: every one is locked, bracketed or objected to.',
          { paragraphIds: unclean },
        );
      }
      const silences = new SilenceMap(ctx.doc);
      const busy = chosen.filter((p) => silences.frozenBy(p.id) !== null).map((p) => p.id);
      if (busy.length > 0) {
        throw silenceConflict('already_under_silence', 'Some of these paragraphs are already under silence.', {
          paragraphIds: busy,
        });
      }
      return { paragraphIds: chosen.map((p) => p.id), leftOut: unclean };
    },
    apply(ctx, input, { paragraphIds, leftOut }) {
      const silence: Silence = {
        id: randomUUID(),
        scope: input.scope.kind === 'paragraphs' ? { kind: 'paragraphs', paragraphIds } : input.scope,
        paragraphIds,
        leftOut,
        deadline: input.deadline,
        timeZone: input.timeZone,
        lockOnExpiry: input.lockOnExpiry,
        note: input.note,
        startedBy: actor(ctx.who),
        startedAt: ctx.now,
        state: 'running',
        breaks: [],
        extensions: [],
        outcome: null,
      };
      const silences = new SilenceMap(ctx.doc);
      silences.putSilence(silence);
      for (const id of paragraphIds) silences.setFrozen(id, silence.id);
      const docId = ctx.docId;
      ctx.alongside((tx) =>
        deadlines.schedule(tx, {
          key: silenceDeadlineKey(silence.id),
          docId,
          kind: 'silence.expire',
          dueAt: silence.deadline,
        }),
      );
      return silence;
    },
    audit(_input, _plan, s) {
      return {
        action: 'silence.start',
        detail: {
          silenceId: s.id,
          scope: s.scope.kind,
          ...(s.scope.kind === 'section' ? { sectionId: s.scope.sectionId } : {}),
          paragraphIds: s.paragraphIds,
          leftOut: s.leftOut ?? [],
          deadline: new Date(s.deadline).toISOString(),
          timeZone: s.timeZone,
          lockOnExpiry: s.lockOnExpiry,
          note: s.note,
        },
      };
    },
  };
}
