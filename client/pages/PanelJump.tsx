import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PanelParagraph } from '../components/panelTypes';

/**
 * On a phone the layout is one column and the paragraph panel sits below the whole text. This
 * bar follows the selected paragraph at the bottom of the screen and takes the reader to its panel
 * (status, objections, lock) — and, once the panel is in view, back to the paragraph. On wider
 * screens the panel is beside the text and CSS hides the bar.
 */
export function PanelJump({ paragraph, onBack }: { paragraph: PanelParagraph | null; onBack: () => void }) {
  const { t } = useTranslation();
  const panelInView = usePanelInView();
  if (!paragraph) return null;
  const toPanel = () => {
    const panel = document.getElementById('paragraph-panel');
    panel?.scrollIntoView({ block: 'start' });
    panel?.focus({ preventScroll: true });
  };
  return (
    <div className="panel-jump">
      {panelInView ? (
        <button type="button" onClick={onBack}>
          <span aria-hidden="true">‹ </span>
          {t('draft.panelJump.back', { label: paragraph.label })}
        </button>
      ) : (
        <button type="button" onClick={toPanel}>
          {t('draft.panelJump.toPanel', { label: paragraph.label, status: t(`status.${paragraph.status}`) })}
          <span aria-hidden="true"> ›</span>
        </button>
      )}
    </div>
  );
}

function usePanelInView(): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const panel = document.getElementById('paragraph-panel');
    if (!panel) return;
    const observer = new IntersectionObserver((entries) => setInView(entries.some((e) => e.isIntersecting)), {
      threshold: 0.2,
    });
    observer.observe(panel);
    return () => observer.disconnect();
  }, []);
  return inView;
}
