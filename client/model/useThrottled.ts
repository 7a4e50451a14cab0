import { useEffect, useState } from 'react';

/**
 * Recomputes `compute()` when `subscribe` reports a change, at most once per `ms`
 * (leading and trailing): while ten people type, panels refresh ten times a second, not
 * on every keystroke, so a 500-paragraph draft stays responsive.
 */
export function useThrottled<T>(
  subscribe: ((onChange: () => void) => () => void) | null,
  compute: () => T,
  ms = 100,
): T {
  const [value, setValue] = useState<T>(compute);
  // biome-ignore lint/correctness/useExhaustiveDependencies: compute reads the source that subscribe observes; re-subscribing when that source changes is enough
  useEffect(() => {
    if (!subscribe) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const run = () => {
      timer = null;
      last = Date.now();
      setValue(compute());
    };
    const onChange = () => {
      if (timer) return;
      const wait = Math.max(0, last + ms - Date.now());
      timer = setTimeout(run, wait);
    };
    setValue(compute());
    const unsubscribe = subscribe(onChange);
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [subscribe, ms]);
  return value;
}
