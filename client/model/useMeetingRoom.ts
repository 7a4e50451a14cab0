import { useCallback } from 'react';
import type * as Y from 'yjs';
import { emptyMeetingRoom, type MeetingRoom, readMeetingRoom } from '../../shared/model/meetingRoom';
import { GOVERNANCE_ROOT } from '../../shared/model/schemaNames';
import { useThrottled } from './useThrottled';

/** The speaker queue and the screen's position, live from the server-owned `gov` root. */
export function useMeetingRoom(doc: Y.Doc | null): MeetingRoom {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const gov = doc.getMap(GOVERNANCE_ROOT);
      gov.observeDeep(onChange);
      return () => gov.unobserveDeep(onChange);
    },
    [doc],
  );
  return useThrottled(doc ? subscribe : null, () =>
    doc ? readMeetingRoom(doc.getMap(GOVERNANCE_ROOT)) : emptyMeetingRoom,
  );
}
