import type { Flag } from '../../../shared/model/meetingRoom.js';
import { notFound } from '../../http/httpError.js';
import type { GovernanceCommand } from '../command.js';
import { MeetingRoomMap } from '../meetingRoomMap.js';

export interface RemoveFlagInput {
  flagId: string;
}

/**
 * The chair takes a flag off the queue. By id, not by delegation: a remove that crosses the
 * delegation lowering and raising again must not take down the new flag.
 */
export const removeFlag: GovernanceCommand<RemoveFlagInput, { flag: Flag }, Flag> = {
  permission: 'floor.manage',
  forbidden: 'Only the chair removes flags from the queue.',
  rule(ctx, { flagId }) {
    const flag = new MeetingRoomMap(ctx.doc).read().queue.find((f) => f.id === flagId);
    if (!flag) throw notFound('No such flag in the queue (lowered or already called?).');
    return { flag };
  },
  apply(ctx, _input, { flag }) {
    new MeetingRoomMap(ctx.doc).deleteFlag(flag.id);
    return flag;
  },
  audit(_input, { flag }) {
    // `of`, not `delegation`: runCommand records the chair's own delegation under that name.
    return { action: 'floor.remove', detail: { flagId: flag.id, seq: flag.seq, of: flag.delegation } };
  },
};
