import { type Flag, type Floor, nextFlag } from '../../../shared/model/meetingRoom.js';
import { ApiError, notFound } from '../../http/httpError.js';
import { actor, type GovernanceCommand } from '../command.js';
import { MeetingRoomMap } from '../meetingRoomMap.js';

export interface GiveFloorInput {
  /** A chosen flag; absent: the next in the queue. */
  flagId?: string;
}

/**
 * The chair gives the floor to the next delegation in the queue, or to a chosen one: its flag
 * leaves the queue and it holds the floor until the floor is given again or the queue cleared.
 */
export const giveFloor: GovernanceCommand<GiveFloorInput, { flag: Flag }, Floor> = {
  permission: 'floor.manage',
  forbidden: 'Only the chair gives the floor.',
  rule(ctx, { flagId }) {
    const room = new MeetingRoomMap(ctx.doc).read();
    const flag = flagId === undefined ? nextFlag(room) : room.queue.find((f) => f.id === flagId);
    if (flagId !== undefined && !flag) throw notFound('No such flag in the queue (lowered or already called?).');
    if (!flag) throw new ApiError(409, 'rule_violation', 'Nobody has asked for the floor.', { rule: 'queue_empty' });
    return { flag };
  },
  apply(ctx, _input, { flag }) {
    const room = new MeetingRoomMap(ctx.doc);
    const floor: Floor = { flag, givenBy: actor(ctx.who), at: ctx.now };
    room.deleteFlag(flag.id);
    room.setFloor(floor);
    return floor;
  },
  audit({ flagId }, { flag }) {
    return {
      action: 'floor.give',
      detail: { flagId: flag.id, seq: flag.seq, to: flag.delegation, chosen: flagId !== undefined },
    };
  },
};
