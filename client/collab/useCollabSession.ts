import { useEffect, useRef, useState } from 'react';
import { CollabSession, type ProviderStatus } from './CollabSession';

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
}

function sentence(message: string): string {
  return message.trim().replace(/[.!]+$/, '');
}

/**
 * The live session of a draft, restarted with a fresh Y.Doc whenever the server refuses
 * an edit or the connection's permissions change (role change, bad frame), so that a
 * refused change is dropped instead of being resent on every reconnect.
 */
export function useCollabSession(docId: string, onRoleChanged: () => Promise<void>): CollabState {
  const [generation, setGeneration] = useState(0);
  const [session, setSession] = useState<CollabSession | null>(null);
  const [status, setStatus] = useState<ProviderStatus>('connecting');
  const [synced, setSynced] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [accessLost, setAccessLost] = useState<string | null>(null);
  const [online, setOnline] = useState(navigator.onLine);
  const roleChanged = useRef(onRoleChanged);
  roleChanged.current = onRoleChanged;

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
    const s = new CollabSession(docId, {
      status: setStatus,
      synced: () => setSynced(true),
      refused: (notice) =>
        restart(`Your last change was not accepted: ${sentence(notice.message)}. The draft was reloaded.`),
      closed: (action) => {
        if (action.kind === 'accessLost') {
          restarting = true;
          setAccessLost(action.message);
        } else if (action.kind === 'roleChanged') {
          restarting = true;
          void roleChanged.current().finally(() => {
            setAlert('Your role on this draft changed; the draft was reloaded with your new permissions.');
            setGeneration((g) => g + 1);
          });
        } else if (action.kind === 'restart') restart(action.message);
        else if (action.message) setAlert(action.message);
      },
    });
    setSession(s);
    setSynced(false);
    setStatus('connecting');
    return () => s.destroy();
  }, [docId, generation, accessLost]);

  return { session, status, synced, online, alert, dismissAlert: () => setAlert(null), accessLost };
}
