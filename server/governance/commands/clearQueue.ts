import type { GovernanceCommand } from '../command.js';
import { MeetingRoomMap } from '../meetingRoomMap.js';

/**
 * The chair clears the queue and ends the floor: a clean slate when the room moves on (the
 * next paragraph, a break). Clearing an empty room changes nothing and records nothing.
 */
export const clearQueue: GovernanceCommand<Record<string, never>, { flags: number; hadFloor: boolean }, null> = {
  permission: 'floor.manage',
  forbidden: 'Only the chair clears the speaker queue.',
  rule(ctx) {
    const room = new MeetingRoomMap(ctx.doc).read();
    return { flags: room.queue.length, hadFloor: room.floor !== null };
  },
  apply(ctx, _input, { flags, hadFloor }) {
    const room = new MeetingRoomMap(ctx.doc);
    if (flags > 0) room.clearFlags();
    if (hadFloor) room.setFloor(null);
    return null;
  },
  audit(_input, { flags, hadFloor }) {
    return flags > 0 || hadFloor ? { action: 'floor.clear', detail: { flags, hadFloor } } : null;
  },
};
