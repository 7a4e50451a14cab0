import * as Y from 'yjs';
import { CLIENT_IDS_ROOT, EDITOR_ROOT, GOVERNANCE_ROOT } from '../../shared/model/schemaNames.js';
import type { StoredDoc } from '../store/docStore.js';
import type { BracketIndex } from './bracketIndex.js';
import { inspectUpdate, type UpdateFacts } from './updateInspection.js';

/** A stored snapshot fails the guard: the document is not loaded (and nothing is sent to anyone). */
export class StoredStateRejected extends Error {}

const storedRoots = new Set([EDITOR_ROOT, GOVERNANCE_ROOT, CLIENT_IDS_ROOT]);

/** Why stored data cannot be loaded, or null: the same guard as live updates, minus who may do what. */
export function storedUpdateProblem(facts: UpdateFacts): string | null {
  if (facts.unknownReference) return 'it refers to content missing from the store';
  for (const root of facts.roots) if (!storedRoots.has(root)) return `it writes a foreign root "${root.slice(0, 40)}"`;
  if (facts.foreignNames.size > 0)
    return `it holds content the editor does not have (${[...facts.foreignNames].join(', ')})`;
  if (facts.structure.size > 0) return `it breaks the draft's structure (${[...facts.structure].join('; ')})`;
  return null;
}

/**
 * Applies what the store holds, re-checked with the guard (the store is not trusted more
 * than a client: a row written by an old version or by hand must not reach every reader).
 * A bad snapshot stops the load (StoredStateRejected); a bad update in the log is skipped
 * and reported through `skip`, and so is every later update that depended on it.
 * Call inside a transaction.
 */
export function applyStored(
  doc: Y.Doc,
  stored: StoredDoc,
  brackets: BracketIndex,
  skip: (index: number, problem: string) => void,
): void {
  const check = (update: Uint8Array): string | null => {
    try {
      return storedUpdateProblem(inspectUpdate(doc, update, { protectedContainers: new Set(), brackets }));
    } catch (err) {
      return `it cannot be decoded (${err instanceof Error ? err.message : String(err)})`;
    }
  };
  if (stored.snapshot) {
    const problem = check(stored.snapshot);
    if (problem) throw new StoredStateRejected(`the stored snapshot was not loaded: ${problem}`);
    Y.applyUpdate(doc, stored.snapshot);
  }
  stored.updates.forEach((update, index) => {
    const problem = check(update);
    if (problem) skip(index, problem);
    else Y.applyUpdate(doc, update);
  });
}
