/**
 * The meeting room's server-owned state: the speaker queue and what the room's screen shows.
 * It lives in the `gov` root (written only by server commands, server/governance/commands),
 * under two keys that nothing else uses:
 *
 *   gov.flags  Y.Map  flagId → Flag        one raised flag per delegation, ordered by `seq`
 *   gov.room   Y.Map  'floor'   → Floor | null         who has the floor
 *                     'seq'     → number               the last `seq` handed out
 *                     'driver'  → Actor | null         whom the screen follows (a chair or a secretary)
 *                     'screen'  → ScreenPosition | null the paragraph the screen shows
 *
 * Each value is a plain value replaced whole, so every client sees a change as one replacement.
 * The rules are pure functions here: the commands check them, the UI offers only what they allow,
 * and the tests replay the audit log through them as a model.
 */
import * as Y from 'yjs';
import type { Actor } from './governance.js';

export const FLAGS_KEY = 'flags';
export const ROOM_KEY = 'room';

export interface Flag {
  id: string;
  /** The delegation's short code: one flag per delegation at a time. */
  delegation: string;
  /** The delegation's name, as it was when the flag went up. */
  delegationName: string;
  raisedBy: Actor;
  /** The paragraph the delegation wants to speak on, if it said. */
  paragraphId: string | null;
  at: number;
  /** Order of arrival in the room (the server's serial order, not the clients' clocks). */
  seq: number;
}

export interface Floor {
  flag: Flag;
  givenBy: Actor;
  at: number;
}

export interface ScreenPosition {
  paragraphId: string;
  by: Actor;
  at: number;
}

export interface MeetingRoom {
  /** Raised flags in the order the chair calls them (by `seq`). */
  queue: Flag[];
  floor: Floor | null;
  driver: Actor | null;
  screen: ScreenPosition | null;
}

export const emptyMeetingRoom: MeetingRoom = { queue: [], floor: null, driver: null, screen: null };

export function byArrival(a: Flag, b: Flag): number {
  return a.seq - b.seq;
}

/** The room state from the `gov` root map (client and server alike). */
export function readMeetingRoom(gov: Y.Map<unknown>): MeetingRoom {
  const flags = gov.get(FLAGS_KEY);
  const room = gov.get(ROOM_KEY);
  const queue = flags instanceof Y.Map ? ([...flags.values()] as Flag[]).sort(byArrival) : [];
  if (!(room instanceof Y.Map)) return { ...emptyMeetingRoom, queue };
  return {
    queue,
    floor: (room.get('floor') as Floor | undefined) ?? null,
    driver: (room.get('driver') as Actor | undefined) ?? null,
    screen: (room.get('screen') as ScreenPosition | undefined) ?? null,
  };
}

export type RoomVerdict = { ok: true } | { ok: false; code: 'no_delegation' | 'already_raised'; message: string };

/** A person may raise their delegation's flag when they speak for one and it is not already up. */
export function canRaise(room: MeetingRoom, delegation: string | undefined): RoomVerdict {
  if (!delegation) return { ok: false, code: 'no_delegation', message: 'You speak for no delegation here.' };
  if (room.queue.some((f) => f.delegation === delegation)) {
    return { ok: false, code: 'already_raised', message: "Your delegation's flag is already raised." };
  }
  return { ok: true };
}

/** The flag the chair calls next: the earliest raised. */
export function nextFlag(room: MeetingRoom): Flag | null {
  return room.queue[0] ?? null;
}

/** The delegation's raised flag, if any. */
export function flagOf(room: MeetingRoom, delegation: string | undefined): Flag | null {
  return delegation ? (room.queue.find((f) => f.delegation === delegation) ?? null) : null;
}

/**
 * Who moves the screen: the designated driver; while nobody is designated, any chair.
 * A designated driver who is a chair keeps the other chairs off it, so two chairs clicking
 * around do not make the screen jump between them.
 */
export function mayDriveScreen(room: MeetingRoom, who: { userId: string; isChair: boolean }): boolean {
  return room.driver ? room.driver.id === who.userId : who.isChair;
}
