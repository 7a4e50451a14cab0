import { useEffect, useRef, useState } from 'react';
import { formatLabel } from '../../shared/model/numbering';
import { i18n } from '../i18n/i18n';
import type { DraftModel } from './useDraftModel';

/**
 * What a screen reader must hear about other people's decisions while one is working, for a
 * polite live region: the paragraph the caret is in was just locked (or unlocked) by someone
 * else, or one's own objection was answered. Nothing is said about the state found on opening
 * the draft, only about changes seen live.
 */
export function useAnnouncements(model: DraftModel, selected: string | null, meId: string): string {
  const [text, setText] = useState('');
  const seen = useRef<{ locks: Set<string>; answered: Set<string>; loaded: boolean } | null>(null);

  useEffect(() => {
    const { gov } = model;
    const locks = new Set(Object.keys(gov.locks));
    const answered = new Set(gov.objections.filter((o) => o.state === 'answered').map((o) => o.id));
    const before = seen.current;
    const loaded = model.draft.sections.length > 0;
    seen.current = { locks, answered, loaded };
    // The first model with content is the state found on opening: nothing to announce.
    if (!before?.loaded || !loaded) return;
    const label = (id: string) => {
      const l = model.labels.get(id);
      return l ? formatLabel(l) : '?';
    };
    const news: string[] = [];
    if (selected) {
      const lock = gov.locks[selected];
      if (lock && !before.locks.has(selected) && lock.by.id !== meId) {
        news.push(i18n.t('draft.lockedUnderYou', { label: label(selected), name: lock.by.name }));
      }
    }
    for (const o of gov.objections) {
      if (o.state === 'answered' && o.answer && !before.answered.has(o.id) && o.author.id === meId) {
        news.push(i18n.t('draft.objectionAnswered', { label: label(o.paragraphId), name: o.answer.by.name }));
      }
    }
    if (news.length > 0) setText(news.join(' '));
  }, [model, selected, meId]);

  return text;
}
