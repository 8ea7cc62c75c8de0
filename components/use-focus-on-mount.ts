import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Focuses the element when it appears. `autoFocus` works once per page only, so it does
 * nothing for a form that replaces another (signed in, signed out, a confirmation). Before the
 * paint, so that a key pressed as soon as the control shows lands in it.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}
