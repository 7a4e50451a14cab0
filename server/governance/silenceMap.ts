import * as Y from 'yjs';
import { GOVERNANCE_ROOT } from '../../shared/model/schemaNames.js';
import type { Silence } from '../../shared/model/silence.js';
import { govCollection, govRecord, govRecordList } from './govRecords.js';

/**
 * Typed access to the silence part of the server-owned `gov` map (layout in
 * shared/model/silence.ts). Only server steps call the setters.
 */
export class SilenceMap {
  private readonly root: Y.Map<unknown>;

  constructor(doc: Y.Doc) {
    this.root = doc.getMap(GOVERNANCE_ROOT);
  }

  private sub<T>(key: string): Y.Map<T> {
    return govCollection<T>(this.root, key);
  }

  silence(id: string): Silence | null {
    return govRecord<Silence>(this.root, 'silences', id);
  }

  /** Stored whole (a plain value): clients see every change as one replacement. */
  putSilence(s: Silence): void {
    this.sub<Silence>('silences').set(s.id, s);
  }

  all(): Silence[] {
    return govRecordList<Silence>(this.root, 'silences');
  }

  /** The silence a paragraph is frozen by now, or null. */
  frozenBy(paragraphId: string): string | null {
    const m = this.root.get('silenced');
    const v = m instanceof Y.Map ? m.get(paragraphId) : undefined;
    return typeof v === 'string' ? v : null;
  }

  setFrozen(paragraphId: string, silenceId: string | null): void {
    const m = this.sub<string>('silenced');
    if (silenceId) m.set(paragraphId, silenceId);
    else if (m.has(paragraphId)) m.delete(paragraphId);
  }

  frozenIds(): string[] {
    const m = this.root.get('silenced');
    return m instanceof Y.Map ? [...m.keys()] : [];
  }
}

/** The key of a silence's expiry in the deadline table (store/deadlineQueue.ts). */
export function silenceDeadlineKey(silenceId: string): string {
  return `silence:${silenceId}`;
}
