import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProposalType, proposalTypes } from '../../shared/model/proposals';
import { clauseAt } from './clauseAt';
import { pendingCounts } from './suggest/pendingSuggestion';
import { suggestKey } from './suggest/suggestionPlugin';

export interface SuggestionForm {
  justification: string;
  type: ProposalType;
}

/**
 * Under the toolbar while Propose is on: what is pending where, the justification, and the
 * buttons that table or discard the suggestion of the paragraph at the caret (Enter and
 * Escape in the text do the same). Announces the mode and the outcome of tabling.
 */
export function SuggestionBar({
  editor,
  label,
  form,
  onForm,
  onTable,
  busy,
  message,
  error,
}: {
  editor: Editor | null;
  /** "7", "7 bis", "PP2" for a paragraph id. */
  label: (paragraphId: string) => string;
  form: SuggestionForm;
  onForm: (form: SuggestionForm) => void;
  onTable: (paragraphId: string) => void;
  busy: boolean;
  /** The last outcome, announced politely. */
  message: string;
  error: string | null;
}) {
  const { t } = useTranslation();
  const justificationId = useId();
  const typeId = useId();
  const view = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      if (!e) return { on: false, here: null as string | null, count: 0, total: 0 };
      const on = suggestKey.getState(e.state)?.on ?? false;
      const counts = on ? pendingCounts(e.state) : new Map<string, number>();
      const here = (clauseAt(e.state.selection.$from)?.node.attrs.id as string | undefined) ?? null;
      let total = 0;
      for (const n of counts.values()) total += n;
      // The paragraph at the caret, or the only one with a suggestion (focus may be in the bar).
      const only = counts.size === 1 ? ([...counts.keys()][0] ?? null) : null;
      const target = here && counts.has(here) ? here : only;
      return { on, here: target, count: target ? (counts.get(target) ?? 0) : 0, total };
    },
  });
  const on = view?.on ?? false;
  return (
    <>
      <div className="sr-only" role="status" aria-live="polite" data-testid="propose-status">
        {on ? t('suggest.onAnnounce') : ''} {message}
      </div>
      {on && view && (
        <section className="suggestion-bar" aria-label={t('suggest.region')}>
          <p className="suggestion-summary">
            {view.here && view.count > 0
              ? t('suggest.pendingHere', { count: view.count, label: label(view.here) })
              : t('suggest.hint')}
            {view.total > view.count && <> {t('suggest.pendingElsewhere', { count: view.total - view.count })}</>}
          </p>
          <div className="suggestion-form">
            <label htmlFor={justificationId}>{t('proposals.justificationField')}</label>
            <input
              id={justificationId}
              type="text"
              maxLength={4000}
              value={form.justification}
              onChange={(e) => onForm({ ...form, justification: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && view.here) {
                  e.preventDefault();
                  onTable(view.here);
                }
              }}
            />
            <label htmlFor={typeId}>{t('proposals.type')}</label>
            <select
              id={typeId}
              value={form.type}
              onChange={(e) => onForm({ ...form, type: e.target.value as ProposalType })}
            >
              {proposalTypes.map((k) => (
                <option key={k} value={k}>
                  {t(`proposals.types.${k}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="primary"
              disabled={busy || !view.here || view.count === 0}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => view.here && onTable(view.here)}
            >
              {t('proposals.table')}
            </button>
            <button
              type="button"
              disabled={busy || view.count === 0}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => editor?.chain().focus().discardSuggestion().run()}
            >
              {t('suggest.discard')}
            </button>
          </div>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </section>
      )}
    </>
  );
}
