import { useCallback } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { type PresentUser, presentUsers } from './presence';
import { useThrottled } from './useThrottled';

export function usePresence(awareness: Awareness | null): PresentUser[] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!awareness) return () => {};
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  return useThrottled(awareness ? subscribe : null, () => (awareness ? presentUsers(awareness) : []), 200);
}
