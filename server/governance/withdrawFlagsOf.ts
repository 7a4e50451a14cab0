import type { Room } from '../collab/room.js';
import { MeetingRoomMap } from './meetingRoomMap.js';

/** Why a person's flags leave the queue without anyone lowering them. */
export type FlagWithdrawal = 'member_removed' | 'became_observer' | 'delegation_changed';

/**
 * A person removed from the draft, made an observer or moved to another delegation can no longer
 * speak for the flag they raised: it leaves the speaker queue in one server step, audited as a
 * `floor.remove` by whoever changed the membership (with the reason), so the queue everyone sees
 * and its replay from the audit log stay the same. Only queued flags: a floor already given is
 * history (the chair gives the next one). Runs after the membership change is committed, so a
 * crash in between leaves the flag up for the chair to remove — never a flag removed for a
 * change that did not happen. Resolves with how many flags went.
 */
export function withdrawFlagsOf(room: Room, userId: string, by: string, reason: FlagWithdrawal): Promise<number> {
  return room.execute((step) => {
    const map = new MeetingRoomMap(step.doc);
    const flags = map.read().queue.filter((f) => f.raisedBy.id === userId);
    if (flags.length === 0) return 0;
    step.apply(() => {
      for (const f of flags) map.deleteFlag(f.id);
    });
    for (const f of flags) {
      step.record({
        actor: by,
        action: 'floor.remove',
        detail: { flagId: f.id, seq: f.seq, of: f.delegation, reason },
      });
    }
    return flags.length;
  });
}
