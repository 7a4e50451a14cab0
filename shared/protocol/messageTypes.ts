/**
 * Wire format of /collab/:documentId — the standard y-websocket protocol.
 *
 * Every frame is binary: varUint(messageType) followed by the payload.
 *   0 sync       varUint(syncType) varUint8Array(payload)
 *                  syncType 0 step 1: payload = state vector
 *                  syncType 1 step 2: payload = update (what the other side lacks)
 *                  syncType 2 update: payload = update
 *   1 awareness  varUint8Array(awareness update: varUint(n) n×[varUint(clientID) varUint(clock) varString(JSON state)])
 *   2 auth       varUint(0 = permission denied) varString(reason)  — server → client only.
 *                Accord puts a JSON `Notice` in the reason (see notice.ts); the stock
 *                provider just logs it, ours shows it to the user.
 *   3 query awareness (no payload) — the server answers with every known awareness state.
 *
 * Awareness from the server is its own relay, not a copy of what clients sent: one combined
 * frame per connection per AWARENESS_INTERVAL_MS holding the latest state of each person who
 * changed, reduced to what presence needs, with clocks the server assigns (each client's own
 * entry keeps its own clock). Clients must send only their own state; echoes are dropped.
 *
 * A frame must be consumed exactly: trailing bytes make it malformed.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

export const SyncType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;
export type SyncType = (typeof SyncType)[keyof typeof SyncType];

/** y-protocols/auth: the only auth sub-message there is. */
export const AuthMessage = { permissionDenied: 0 } as const;
