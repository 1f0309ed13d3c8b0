import { type RefObject, useEffect } from 'react';
import { useNavigate } from 'react-router';

/**
 * Plain `<a href>`s inside `ref` navigate within the app, as React Router's `Link` does, without a `Link` (and
 * its hooks) per row: the home page's lists render a fraction of the components that way (ADR 006). Clicks
 * meant for the browser — another tab, a download, another origin — are left to it. Enter on a focused link
 * is a click, so the keyboard goes the same way. `onFollow` runs after each link followed in the app.
 */
export function useRoutedLinks(ref: RefObject<HTMLElement | null>, onFollow?: () => void) {
  const navigate = useNavigate();
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest('a') : null;
      if (!a || !container.contains(a) || a.target || a.hasAttribute('download')) return;
      if (a.origin !== window.location.origin) return;
      e.preventDefault();
      navigate(`${a.pathname}${a.search}${a.hash}`);
      onFollow?.();
    };
    container.addEventListener('click', onClick);
    return () => container.removeEventListener('click', onClick);
  }, [ref, navigate, onFollow]);
}
