import { blockRuns, bracketedText } from '../../shared/model/brackets';
import type { Block, Draft } from '../../shared/model/draft';
import { type Governance, statusOf } from '../../shared/model/governance';
import { formatLabel, numberDraft, subparagraphLabel } from '../../shared/model/numbering';
import { i18n } from '../i18n/i18n';

/** A read-only rendering of a draft snapshot (an issued revision): numbers, brackets, statuses. */
export function DraftView({ draft, governance }: { draft: Draft; governance: Governance | null }) {
  const labels = numberDraft(draft);
  return (
    <article className="draft-view">
      {draft.sections.map((s) => (
        <section key={s.id}>
          <h3 dir="auto">{s.heading}</h3>
          {s.paragraphs.map((p) => {
            const label = labels.get(p.id);
            const text = renderBlocks(p.blocks, 0);
            return (
              <div key={p.id} className="draft-view-paragraph" dir="auto">
                <span className="num">{label ? formatLabel(label) : ''}</span>
                <div>
                  {p.bracket ? <span className="accord-bracket-char">[</span> : null}
                  {text}
                  {p.bracket ? <span className="accord-bracket-char">]</span> : null}
                  {governance && (
                    <span className="muted">
                      {' — '}
                      <bdi>{i18n.t(`status.${statusOf(governance, p.id)}`)}</bdi>
                    </span>
                  )}
                </div>
              </div>
            );
          })}
        </section>
      ))}
    </article>
  );
}

function renderBlocks(blocks: Block[], depth: number) {
  return blocks.map((b, i) => {
    if (b.type === 'text') {
      // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a snapshot never move
      return <p key={i}>{bracketedText(b.runs)}</p>;
    }
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a snapshot never move
      <ul key={i} className="draft-view-list">
        {b.items.map((item, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items of a snapshot never move
          <li key={j}>
            {b.ordered ? `${subparagraphLabel(depth, j)} ` : '• '}
            {bracketedText(blockRuns(item))}
          </li>
        ))}
      </ul>
    );
  });
}
