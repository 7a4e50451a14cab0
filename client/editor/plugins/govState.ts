import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { ParagraphStatus } from '../../../shared/model/governance';
import type { Proposal } from '../../../shared/model/proposals';

/**
 * The slice of server-owned governance the editor itself needs (locks for the guard,
 * statuses for the margin colour). DraftEditor pushes it in with `setGovState` whenever
 * the Yjs `gov` map changes; it is never part of the document.
 */
export interface GovState {
  locked: ReadonlySet<string>;
  /** Paragraphs where this viewer (a member) may only table proposals: direct edits are refused. */
  proposalsOnly: ReadonlySet<string>;
  /** Paragraphs under silence (frozen for everyone) → their deadline, for the countdown. */
  silenced: ReadonlyMap<string, number>;
  statuses: Readonly<Record<string, ParagraphStatus>>;
  /** Pending proposals of everyone, drawn inline like tracked changes. */
  proposals: readonly Proposal[];
  /** Bumped on every change so that plugins can tell that something moved. */
  version: number;
}

export const govKey = new PluginKey<GovState>('accordGov');

export const emptyGovState: GovState = {
  locked: new Set(),
  proposalsOnly: new Set(),
  silenced: new Map(),
  statuses: {},
  proposals: [],
  version: 0,
};

export function govStatePlugin(): Plugin<GovState> {
  return new Plugin<GovState>({
    key: govKey,
    state: {
      init: () => emptyGovState,
      apply: (tr, value) => (tr.getMeta(govKey) as GovState | undefined) ?? value,
    },
  });
}

export function setGovState(tr: Transaction, gov: Omit<GovState, 'version'>, version: number): Transaction {
  return tr.setMeta(govKey, { ...gov, version }).setMeta('addToHistory', false);
}
