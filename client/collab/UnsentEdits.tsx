import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnsentParagraph } from './carryOver';

/**
 * Paragraphs the user changed that the server would not take (locked meanwhile, say): the
 * text as the user had it, ready to copy into a proposal or an objection. Nothing the user
 * typed is dropped without being shown here.
 */
export function UnsentEdits({ items, onDismiss }: { items: UnsentParagraph[]; onDismiss: (id: string) => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<string | null>(null);
  if (items.length === 0) return null;
  const copy = async (item: UnsentParagraph) => {
    try {
      await navigator.clipboard.writeText(item.text);
      setCopied(item.id);
    } catch {
      // No clipboard permission: the text is selectable in the box.
      setCopied(null);
    }
  };
  return (
    <section className="unsent-edits" aria-label={t('unsent.label')}>
      <h2>{t('unsent.title')}</h2>
      {items.map((item) => (
        <div key={item.id} className="unsent-edit" data-paragraph={item.id}>
          <p>
            <strong>{item.number ? t('unsent.paragraph', { number: item.number }) : t('unsent.aParagraph')}</strong>
            {item.deleted ? ` ${t('unsent.deleted')}` : ''}: {item.reason}.
          </p>
          <textarea
            className="unsent-text"
            readOnly
            value={item.text}
            aria-label={item.number ? t('unsent.yourTextOf', { number: item.number }) : t('unsent.yourText')}
            dir="auto"
            rows={Math.min(8, Math.max(2, Math.ceil(item.text.length / 90)))}
          />
          <div className="unsent-actions">
            <button type="button" onClick={() => void copy(item)}>
              {copied === item.id ? t('unsent.copied') : t('unsent.copy')}
            </button>
            <button type="button" className="link-button" onClick={() => onDismiss(item.id)}>
              {t('common.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
