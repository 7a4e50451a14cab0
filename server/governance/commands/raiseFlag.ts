import { randomUUID } from 'node:crypto';
import { canRaise, type Flag } from '../../../shared/model/meetingRoom.js';
import { actor, type GovernanceCommand, ruleError } from '../command.js';
import { MeetingRoomMap } from '../meetingRoomMap.js';

export interface RaiseFlagInput {
  /** The paragraph the delegation asks to speak on, if any. */
  paragraphId: string | null;
}

/**
 * Raises the caller's delegation's flag at the end of the speaker queue. The delegation is
 * always the caller's own (whatever the request says), and it has one flag at a time: the
 * check and the write happen in one room step, so concurrent raises by two of its members
 * give exactly one flag.
 */
export const raiseFlag: GovernanceCommand<RaiseFlagInput, null, Flag> = {
  permission: 'floor.raise',
  forbidden: 'Observers cannot ask for the floor.',
  rule(ctx, { paragraphId }) {
    if (paragraphId !== null) ctx.paragraph(paragraphId);
    const verdict = canRaise(new MeetingRoomMap(ctx.doc).read(), ctx.who.delegation);
    if (!verdict.ok) throw ruleError(verdict);
    return null;
  },
  apply(ctx, { paragraphId }) {
    const room = new MeetingRoomMap(ctx.doc);
    const flag: Flag = {
      id: randomUUID(),
      delegation: ctx.who.delegation as string,
      delegationName: ctx.who.affiliation,
      raisedBy: actor(ctx.who),
      paragraphId,
      at: ctx.now,
      seq: room.takeSeq(),
    };
    room.putFlag(flag);
    return flag;
  },
  audit({ paragraphId }, _plan, flag) {
    return { action: 'floor.raise', detail: { flagId: flag.id, seq: flag.seq, paragraphId } };
  },
};
