import { paragraphHash } from '../../shared/governance/paragraphHash.js';
import { hasOpenBrackets } from '../../shared/model/brackets.js';
import type { Silence, SilenceOutcome } from '../../shared/model/silence.js';
import type { Room } from '../collab/room.js';
import type { DeadlineQueue } from '../store/deadlineQueue.js';
import { GovMap } from './govMap.js';
import { readParagraph } from './paragraphs.js';
import { SilenceMap, silenceDeadlineKey } from './silenceMap.js';

/**
 * The deadline of a silence has come: in one server step, every paragraph still frozen by it
 * becomes agreed on its text (and locked if the chair chose so), the silence is closed, the
 * audit entry (actor: the server) is queued, and the deadline row is marked done — all stored
 * in one transaction before anyone sees it.
 *
 * Exactly once: the step acts only on a silence that is still `running` in the document, and
 * that state changes in the same transaction as the deadline row. A second claim of the same
 * deadline (a crash between claim and completion, a restart, two pollers) finds the silence
 * closed and only marks the row done. A break that came first has already taken its paragraph
 * out of `silenced`; a break that comes after finds the silence closed (or its deadline past).
 *
 * Resolves with the outcome, or null when there was nothing (left) to do.
 */
export function expireSilence(
  room: Room,
  deadlines: DeadlineQueue,
  silenceId: string,
  now = Date.now(),
): Promise<SilenceOutcome | null> {
  return room.execute((step) => {
    const key = silenceDeadlineKey(silenceId);
    const silences = new SilenceMap(step.doc);
    const s = silences.silence(silenceId);
    if (s?.state !== 'running') {
      step.alongside((tx) => deadlines.complete(tx, key));
      return null;
    }
    if (s.deadline > now) {
      // Rows move with the silence in one transaction, so this is a row claimed early: put it back.
      step.alongside((tx) =>
        deadlines.schedule(tx, { key, docId: room.id, kind: 'silence.expire', dueAt: s.deadline }),
      );
      return null;
    }
    const gov = new GovMap(step.doc);
    const agreed: Array<{ id: string; textHash: string }> = [];
    const skipped: string[] = [];
    const still = s.paragraphIds.filter((id) => silences.frozenBy(id) === silenceId);
    for (const id of still) {
      const p = readParagraph(step.doc, id);
      // Frozen text cannot change, so these hold; checked anyway, since "agreed" must never lie.
      if (!p || hasOpenBrackets(p) || gov.standingObjections(id) > 0 || gov.lock(id)) skipped.push(id);
      else agreed.push({ id, textHash: paragraphHash(p) });
    }
    const outcome: SilenceOutcome = {
      at: now,
      by: null,
      agreed: agreed.map((a) => a.id),
      locked: s.lockOnExpiry ? agreed.map((a) => a.id) : [],
      released: skipped,
      reason: '',
    };
    step.apply(() => {
      for (const { id, textHash } of agreed) {
        gov.setStatus(id, 'agreed');
        gov.setAgreement(id, { textHash, by: s.startedBy, at: now });
        if (s.lockOnExpiry) gov.setLock(id, { by: s.startedBy, at: now, textHash });
      }
      for (const id of still) silences.setFrozen(id, null);
      const next: Silence = { ...s, state: 'expired', outcome };
      silences.putSilence(next);
    });
    step.record({
      actor: null,
      action: 'silence.expire',
      detail: {
        silenceId,
        deadline: new Date(s.deadline).toISOString(),
        startedBy: s.startedBy.id,
        agreed: outcome.agreed,
        locked: outcome.locked,
        broken: s.breaks.map((b) => b.paragraphId),
        ...(skipped.length > 0 ? { skipped } : {}),
      },
    });
    step.alongside((tx) => deadlines.complete(tx, key));
    return outcome;
  });
}
