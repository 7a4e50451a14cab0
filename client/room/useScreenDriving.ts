import { useEffect, useRef } from 'react';
import { type MeetingRoom, mayDriveScreen } from '../../shared/model/meetingRoom';
import type { MeetingRoomApi } from '../api/meetingRoomApi';

/** Moves are sent once the caret has rested this long: arrowing through ten paragraphs is one move. */
const SETTLE_MS = 250;

/**
 * When this person drives the room's screen (designated, or a chair while nobody is), the
 * paragraph their cursor is in goes to the screen. Failures are ignored: the next move retries,
 * and the server decides who may move it.
 */
export function useScreenDriving(
  api: MeetingRoomApi,
  room: MeetingRoom,
  me: { userId: string; isChair: boolean },
  selected: string | null,
): void {
  const driving = mayDriveScreen(room, me);
  const shown = room.screen?.paragraphId ?? null;
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!driving || !selected || selected === shown) return;
    const timer = setTimeout(() => {
      if (sent.current === selected && shown === selected) return;
      sent.current = selected;
      api.project(selected).catch(() => {
        sent.current = null;
      });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [driving, selected, shown, api]);
}
