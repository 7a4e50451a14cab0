import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { Draft } from '../../shared/model/draft';
import { emptyGovernance, type Governance } from '../../shared/model/governance';
import { numberDraft, type ParagraphLabel } from '../../shared/model/numbering';
import { readDraft, readGovernance } from '../../shared/model/readDraft';
import { type DraftRollup, draftRollup } from '../../shared/model/rollup';
import { EDITOR_ROOT, GOVERNANCE_ROOT } from '../../shared/model/schemaNames';
import { emptySilenceView, readSilences, type SilenceView } from '../../shared/model/silence';
import { useThrottled } from './useThrottled';

/** The draft as plain data, for the panels and dashboard (the editor renders the doc itself). */
export interface DraftModel {
  draft: Draft;
  gov: Governance;
  labels: Map<string, ParagraphLabel>;
  rollup: DraftRollup;
  /** Silence procedures and the paragraphs they freeze now. */
  silence: SilenceView;
}

const emptyModel: DraftModel = {
  draft: { sections: [] },
  gov: emptyGovernance({ title: '', symbol: '' }),
  labels: new Map(),
  rollup: draftRollup({ sections: [] }, emptyGovernance({ title: '', symbol: '' })),
  silence: emptySilenceView,
};

export function readModel(doc: Y.Doc): DraftModel {
  const draft = readDraft(doc.getXmlFragment(EDITOR_ROOT));
  const govMap = doc.getMap(GOVERNANCE_ROOT);
  const gov = readGovernance(govMap);
  return { draft, gov, labels: numberDraft(draft), rollup: draftRollup(draft, gov), silence: readSilences(govMap) };
}

/** Live, throttled view of the draft and its governance from the Y doc. */
export function useDraftModel(doc: Y.Doc | null): DraftModel {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const fragment = doc.getXmlFragment(EDITOR_ROOT);
      const gov = doc.getMap(GOVERNANCE_ROOT);
      fragment.observeDeep(onChange);
      gov.observeDeep(onChange);
      return () => {
        fragment.unobserveDeep(onChange);
        gov.unobserveDeep(onChange);
      };
    },
    [doc],
  );
  return useThrottled(doc ? subscribe : null, () => (doc ? readModel(doc) : emptyModel));
}
