import type { BracketIndex } from './bracketIndex.js';
import type { UpdateFacts } from './updateInspection.js';

/**
 * What an accepted update did that the audit log records as what it is, not as a
 * generic text edit: a bracket removed (withdrawn by its proposer, or removed by the
 * chair), an alternative resolved (an option bracket removed, or a paragraph
 * alternative losing an option).
 */
export type GuardEvent =
  | {
      action: 'bracket.remove';
      detail: { paragraph: string | null; bracket: string; proposer: string; withdrawn: boolean };
    }
  | {
      action: 'alternative.resolve';
      /** `proposers`: who proposed the options removed (their brackets' `by`, or who set a paragraph's `altGroup`). */
      detail: { paragraph: string | null; group: string; options: string[]; proposers: string[] };
    };

/**
 * `removed` are the brackets the update actually made disappear (watched while it was
 * applied, Yjs's own clean-up included); the facts add where they were.
 */
export function guardEvents(
  facts: UpdateFacts,
  removed: readonly string[],
  brackets: BracketIndex,
  actor: string,
  /** Who writes under a Yjs client id (ClientIds.owner): the proposers of a paragraph alternative. */
  ownerOf: (client: number) => string | undefined = () => undefined,
): GuardEvent[] {
  const where = new Map(facts.removedBrackets.map((f) => [f.bracket.id, f.paragraph]));
  const events: GuardEvent[] = [];
  const options = new Map<string, { paragraph: string | null; ids: string[]; proposers: string[] }>();
  for (const id of removed) {
    const b = brackets.get(id)?.bracket;
    if (!b) continue;
    const paragraph = where.get(id) ?? null;
    if (b.group !== null) {
      const o = options.get(b.group) ?? { paragraph, ids: [], proposers: [] };
      o.ids.push(id);
      if (!o.proposers.includes(b.by)) o.proposers.push(b.by);
      options.set(b.group, o);
    } else {
      events.push({
        action: 'bracket.remove',
        detail: { paragraph, bracket: id, proposer: b.by, withdrawn: b.by === actor },
      });
    }
  }
  for (const [group, o] of options) {
    events.push({
      action: 'alternative.resolve',
      detail: { paragraph: o.paragraph, group, options: o.ids, proposers: o.proposers },
    });
  }
  for (const g of facts.resolvedGroups) {
    const proposers = [...new Set([...g.setBy].map(ownerOf).filter((u): u is string => u !== undefined))];
    events.push({
      action: 'alternative.resolve',
      detail: { paragraph: g.paragraph, group: g.group, options: [], proposers },
    });
  }
  return events;
}
