import { useEffect } from 'react';
import type * as Y from 'yjs';
import { GOVERNANCE_ROOT } from '../../shared/model/schemaNames';
import { notificationsChanged } from './notificationsChanged';

/** While a draft is open, every change of its server-owned state asks the bell to refetch. */
export function useGovernanceSignal(doc: Y.Doc | null): void {
  useEffect(() => {
    if (!doc) return;
    const gov = doc.getMap(GOVERNANCE_ROOT);
    const changed = () => notificationsChanged();
    gov.observeDeep(changed);
    return () => gov.unobserveDeep(changed);
  }, [doc]);
}
