import { useEffect } from 'react';

/**
 * A link to a paragraph is `/d/<draft>#<paragraph id>` (notifications link there): once the
 * draft is synced and has that paragraph, select it and bring it into view. Paragraph ids are
 * stable, so the link survives renumbering.
 */
export function useParagraphFromHash(ready: boolean, has: (id: string) => boolean, select: (id: string) => void) {
  useEffect(() => {
    if (!ready) return;
    const go = () => {
      const id = decodeURIComponent(location.hash.replace(/^#/, ''));
      if (!id || !has(id)) return;
      select(id);
      document.querySelector(`[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center' });
    };
    go();
    window.addEventListener('hashchange', go);
    return () => window.removeEventListener('hashchange', go);
  }, [ready, has, select]);
}
