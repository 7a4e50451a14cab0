import { createElement, useEffect, useLayoutEffect, useRef } from 'react';

type Handlers = Record<string, (detail: unknown) => void>;

/**
 * Hosts one of our Lit components in React the way any page would: properties set on
 * the element, CustomEvents listened to. (React's own custom-element support differs
 * between versions in how it maps events; this keeps the components framework-free.)
 */
export function LitHost({
  tag,
  props,
  on,
  className,
  id,
}: {
  tag: string;
  props: Record<string, unknown>;
  on?: Handlers;
  className?: string;
  id?: string;
}) {
  const ref = useRef<HTMLElement>(null);
  const handlers = useRef<Handlers>({});
  handlers.current = on ?? {};

  useLayoutEffect(() => {
    const el = ref.current;
    if (el) Object.assign(el, props);
  });

  const eventNames = Object.keys(on ?? {})
    .sort()
    .join(' ');
  useEffect(() => {
    const el = ref.current;
    if (!el || !eventNames) return;
    const listeners = eventNames.split(' ').map((name) => {
      const listener = (e: Event) => handlers.current[name]?.((e as CustomEvent).detail);
      el.addEventListener(name, listener);
      return [name, listener] as const;
    });
    return () => {
      for (const [name, listener] of listeners) el.removeEventListener(name, listener);
    };
  }, [eventNames]);

  return createElement(tag, { ref, class: className, id });
}
