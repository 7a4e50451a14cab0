import { type Flag, flagOf } from '../../../shared/model/meetingRoom.js';
import type { GovernanceCommand } from '../command.js';
import { MeetingRoomMap } from '../meetingRoomMap.js';

/**
 * Lowers the caller's delegation's flag (any of its members may: the flag is the delegation's).
 * Lowering a flag that is not up changes nothing and records nothing.
 */
export const lowerFlag: GovernanceCommand<Record<string, never>, { flag: Flag | null }, Flag | null> = {
  permission: 'floor.raise',
  forbidden: 'Observers cannot ask for the floor.',
  rule(ctx) {
    return { flag: flagOf(new MeetingRoomMap(ctx.doc).read(), ctx.who.delegation) };
  },
  apply(ctx, _input, { flag }) {
    if (flag) new MeetingRoomMap(ctx.doc).deleteFlag(flag.id);
    return flag;
  },
  audit(_input, { flag }) {
    return flag ? { action: 'floor.lower', detail: { flagId: flag.id, seq: flag.seq } } : null;
  },
};
