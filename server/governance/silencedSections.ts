import { WHOLE_DRAFT } from '../../shared/model/proposals.js';
import type { Silence } from '../../shared/model/silence.js';

/**
 * The sections a running silence circulated whole (`WHOLE_DRAFT` when it is the draft): the
 * update guard refuses new paragraphs in them (`section_silenced`) until the silence closes,
 * because at the deadline the section is adopted as circulated. A silence on chosen paragraphs
 * closes no section. A handful of silences at most: read whenever the silences change.
 */
export function silencedSections(silences: readonly Silence[]): ReadonlySet<string> {
  const closed = new Set<string>();
  for (const s of silences) {
    if (s.state !== 'running') continue;
    if (s.scope.kind === 'draft') closed.add(WHOLE_DRAFT);
    else if (s.scope.kind === 'section') closed.add(s.scope.sectionId);
  }
  return closed;
}
