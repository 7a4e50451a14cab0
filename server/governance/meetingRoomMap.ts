import type * as Y from 'yjs';
import type { Actor } from '../../shared/model/governance.js';
import {
  FLAGS_KEY,
  type Flag,
  type Floor,
  type MeetingRoom,
  ROOM_KEY,
  readMeetingRoom,
  type ScreenPosition,
} from '../../shared/model/meetingRoom.js';
import { GOVERNANCE_ROOT } from '../../shared/model/schemaNames.js';
import { govCollection } from './govRecords.js';

/**
 * Typed writes to the meeting room's part of the server-owned `gov` root
 * (shared/model/meetingRoom.ts). Kept apart from GovMap: the room is its own concern, and
 * its keys are read by nothing that reads statuses, locks or proposals. Only commands call
 * the setters, inside a room step.
 */
export class MeetingRoomMap {
  private readonly gov: Y.Map<unknown>;

  constructor(doc: Y.Doc) {
    this.gov = doc.getMap(GOVERNANCE_ROOT);
  }

  read(): MeetingRoom {
    return readMeetingRoom(this.gov);
  }

  private sub<T>(key: string): Y.Map<T> {
    return govCollection<T>(this.gov, key);
  }

  /** The next arrival number: stored, so order survives an emptied queue and a reload. */
  takeSeq(): number {
    const room = this.sub<unknown>(ROOM_KEY);
    const seq = ((room.get('seq') as number | undefined) ?? 0) + 1;
    room.set('seq', seq);
    return seq;
  }

  putFlag(flag: Flag): void {
    this.sub<Flag>(FLAGS_KEY).set(flag.id, flag);
  }

  deleteFlag(id: string): void {
    const flags = this.sub<Flag>(FLAGS_KEY);
    if (flags.has(id)) flags.delete(id);
  }

  clearFlags(): void {
    const flags = this.sub<Flag>(FLAGS_KEY);
    for (const id of [...flags.keys()]) flags.delete(id);
  }

  setFloor(floor: Floor | null): void {
    this.sub<unknown>(ROOM_KEY).set('floor', floor);
  }

  setDriver(driver: Actor | null): void {
    this.sub<unknown>(ROOM_KEY).set('driver', driver);
  }

  setScreen(screen: ScreenPosition): void {
    this.sub<unknown>(ROOM_KEY).set('screen', screen);
  }
}
