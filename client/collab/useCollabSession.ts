import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { readGovernance } from '../../shared/model/readDraft';
import { GOVERNANCE_ROOT } from '../../shared/model/schemaNames';
import { i18n } from '../i18n/i18n';
import { localizedMessage } from '../i18n/localizedMessage';
import { CollabSession, type ProviderStatus } from './CollabSession';
import { carryOver, type UnsentParagraph } from './carryOver';
import type { CollabLimits } from './chunkingWebSocket';

export interface CollabState {
  session: CollabSession | null;
  status: ProviderStatus;
  /** The current session has received the server's state at least once (the editor may mount). */
  synced: boolean;
  online: boolean;
  /** Something the user must be told (refused edit, reload); shown in a role=alert region. */
  alert: string | null;
  dismissAlert(): void;
  /** Set when access is gone: the session is stopped for good. */
  accessLost: string | null;
  /** Paragraphs the user changed that could not be sent, with their text to copy. */
  unsent: UnsentParagraph[];
  dismissUnsent(id: string): void;
}

/** A refused session's document and why its paragraphs may not be re-applied. */
interface Carry {
  doc: Y.Doc;
  /** Paragraph id → why it is not re-applied. */
  blocked: Map<string, string>;
  /** Set when the refusal named no paragraph: nothing is re-applied, everything changed is shown. */
  all: string | null;
}

function sentence(message: string): string {
  return message.trim().replace(/[.!]+$/, '');
}

/**
 * The live session of a draft, restarted with a fresh Y.Doc whenever the server refuses
 * an edit or the connection's permissions change (role change, bad frame), so that a
 * refused change is dropped instead of being resent on every reconnect. The user loses
 * nothing: once the fresh session has the server's state, their other edits are re-applied
 * paragraph by paragraph, and the refused paragraphs are listed with their text to copy.
 */
export function useCollabSession(
  docId: string,
  onRoleChanged: () => Promise<void>,
  limits: CollabLimits | null = null,
): CollabState {
  const [generation, setGeneration] = useState(0);
  const [session, setSession] = useState<CollabSession | null>(null);
  const [status, setStatus] = useState<ProviderStatus>('connecting');
  const [synced, setSynced] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [accessLost, setAccessLost] = useState<string | null>(null);
  const [online, setOnline] = useState(navigator.onLine);
  const [unsent, setUnsent] = useState<UnsentParagraph[]>([]);
  const roleChanged = useRef(onRoleChanged);
  roleChanged.current = onRoleChanged;
  const carry = useRef<Carry | null>(null);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation is exactly what starts a new session
  useEffect(() => {
    if (accessLost) return;
    let restarting = false;
    const restart = (message: string | null) => {
      if (restarting) return;
      restarting = true;
      if (message) setAlert(message);
      setGeneration((g) => g + 1);
    };
    /** Keeps the refused session's document to carry its other edits over (once per refusal). */
    const keepForCarryOver = (reason: string, paragraphIds: readonly string[], all = paragraphIds.length === 0) => {
      if (restarting) return;
      const previous = carry.current;
      const blocked = new Map(previous?.blocked ?? []);
      for (const id of paragraphIds) blocked.set(id, reason);
      previous?.doc.destroy();
      carry.current = {
        doc: s.detach(),
        blocked,
        all: all ? reason : (previous?.all ?? null),
      };
    };
    const s = new CollabSession(
      docId,
      {
        status: setStatus,
        synced: () => {
          const c = carry.current;
          if (c && !restarting) {
            carry.current = null;
            const locks = readGovernance(s.doc.getMap(GOVERNANCE_ROOT)).locks;
            const result = carryOver(
              c.doc,
              s.doc,
              (id) => c.blocked.get(id) ?? c.all ?? (locks[id] ? i18n.t('collab.lockedMeanwhile') : null),
            );
            c.doc.destroy();
            if (result.unsent.length > 0) {
              setUnsent((list) => [...list.filter((u) => !result.unsent.some((n) => n.id === u.id)), ...result.unsent]);
            }
            setAlert((a) =>
              [
                a,
                result.applied.length > 0 ? i18n.t('collab.othersKept') : null,
                result.unsent.length > 0 ? i18n.t('collab.unsentBelow') : null,
              ]
                .filter(Boolean)
                .join(' '),
            );
          }
          setSynced(true);
        },
        refused: (notice) => {
          // The refusal in the reader's language from its stable code (English from the server otherwise).
          const reason = sentence(localizedMessage([`notices.${notice.code}`], notice.message));
          // Too large to send: the other edits are re-applied, the oversized paragraph is shown (carryOver).
          keepForCarryOver(
            reason,
            notice.paragraphIds ?? [],
            notice.code !== 'too_large' && !notice.paragraphIds?.length,
          );
          restart(i18n.t('collab.refused', { reason }));
        },
        closed: (action) => {
          if (action.kind === 'accessLost') {
            restarting = true;
            setAccessLost(action.message);
          } else if (action.kind === 'roleChanged') {
            keepForCarryOver(i18n.t('collab.roleChangedReason'), []);
            restarting = true;
            void roleChanged.current().finally(() => {
              setAlert(i18n.t('collab.roleChanged'));
              setGeneration((g) => g + 1);
            });
          } else if (action.kind === 'restart') {
            keepForCarryOver(sentence(action.message), []);
            restart(action.message);
          } else if (action.message) setAlert(action.message);
        },
      },
      limits,
    );
    setSession(s);
    setSynced(false);
    setStatus('connecting');
    return () => s.destroy();
  }, [docId, generation, accessLost]);

  const dismissUnsent = useCallback((id: string) => setUnsent((list) => list.filter((u) => u.id !== id)), []);
  return {
    session,
    status,
    synced,
    online,
    alert,
    dismissAlert: () => setAlert(null),
    accessLost,
    unsent,
    dismissUnsent,
  };
}
