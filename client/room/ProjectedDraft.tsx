import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { blockRuns, bracketedText, bracketsIn } from '../../shared/model/brackets';
import type { Block } from '../../shared/model/draft';
import { statusOf } from '../../shared/model/governance';
import type { MeetingRoom } from '../../shared/model/meetingRoom';
import { formatLabel, subparagraphLabel } from '../../shared/model/numbering';
import type { DraftModel } from '../model/useDraftModel';

/**
 * The draft as the room's screen shows it: every paragraph in large type, the one the chair is on
 * highlighted with its number, status and open brackets, and kept in the middle of the screen.
 */
export function ProjectedDraft({ model, room }: { model: DraftModel; room: MeetingRoom }) {
  const { t } = useTranslation();
  const current = room.screen?.paragraphId ?? null;
  const currentRef = useRef<HTMLElement | null>(null);
  // Follows the chair: the current paragraph comes to the middle whenever the screen moves (not on
  // every keystroke, which would make the room's screen twitch while someone types).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `current` is what the effect reacts to; the element is read through the ref
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [current]);

  return (
    <article className="projected-draft">
      {model.draft.sections.map((s) => (
        <section key={s.id} aria-label={s.heading || undefined}>
          {s.heading && (
            <h2 className="projected-heading" dir="auto">
              {s.heading}
            </h2>
          )}
          {s.paragraphs.map((p) => {
            const label = model.labels.get(p.id);
            const number = label ? formatLabel(label) : '';
            const isCurrent = p.id === current;
            const status = model.gov.locks[p.id] ? 'locked' : statusOf(model.gov, p.id);
            const open = bracketsIn(p).length;
            return (
              <section
                key={p.id}
                ref={isCurrent ? (el) => void (currentRef.current = el) : undefined}
                className={isCurrent ? 'projected-paragraph current' : 'projected-paragraph'}
                aria-current={isCurrent ? 'location' : undefined}
                aria-label={t('projection.paragraph', { label: number })}
                data-paragraph-id={p.id}
              >
                <span className="projected-number">{number}</span>
                <div className="projected-body" dir="auto">
                  {p.bracket && <span className="bracket-char">[</span>}
                  {renderBlocks(p.blocks, 0)}
                  {p.bracket && <span className="bracket-char">]</span>}
                  {isCurrent && (
                    <p className="projected-facts">
                      <span className={`projected-status status-${status}`}>{t(`status.${status}`)}</span>
                      {open > 0 && <span>{t('panel.openBrackets', { count: open })}</span>}
                    </p>
                  )}
                </div>
              </section>
            );
          })}
        </section>
      ))}
    </article>
  );
}

/** Bracket characters stand out on the screen: the room reads what is not agreed at a glance. */
function withBrackets(text: string) {
  return text.split(/([[\]])/).map((part, i) =>
    part === '[' || part === ']' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: a rendering of text, rebuilt whole on every change
      <span key={i} className="bracket-char">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

function renderBlocks(blocks: Block[], depth: number) {
  return blocks.map((b, i) => {
    if (b.type === 'text') {
      // biome-ignore lint/suspicious/noArrayIndexKey: blocks are rebuilt whole on every change
      return <p key={i}>{withBrackets(bracketedText(b.runs))}</p>;
    }
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: blocks are rebuilt whole on every change
      <ul key={i} className="projected-list">
        {b.items.map((item, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are rebuilt whole on every change
          <li key={j}>
            {b.ordered ? `${subparagraphLabel(depth, j)} ` : '• '}
            {withBrackets(bracketedText(blockRuns(item)))}
          </li>
        ))}
      </ul>
    );
  });
}
