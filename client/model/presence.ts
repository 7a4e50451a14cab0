import type { Awareness } from 'y-protocols/awareness';

/** Someone with the draft open, as the server vouches for them (it overwrites `user`). */
export interface PresentUser {
  clientId: number;
  id: string;
  name: string;
  affiliation: string;
  role: string;
  color: string;
  /** The paragraph their cursor is in, when they have one. */
  paragraphId: string | null;
  self: boolean;
}

/** Awareness field in which each client announces the paragraph its cursor is in. */
export const PARAGRAPH_FIELD = 'paragraph';

export function presentUsers(awareness: Awareness): PresentUser[] {
  const users: PresentUser[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = state.user as Record<string, unknown> | undefined;
    if (!user || typeof user.name !== 'string') continue;
    const paragraph = state[PARAGRAPH_FIELD];
    users.push({
      clientId,
      id: typeof user.id === 'string' ? user.id : '',
      name: user.name,
      affiliation: typeof user.affiliation === 'string' ? user.affiliation : '',
      role: typeof user.role === 'string' ? user.role : '',
      color: typeof user.color === 'string' ? user.color : '#555555',
      paragraphId: typeof paragraph === 'string' ? paragraph : null,
      self: clientId === awareness.clientID,
    });
  }
  return users.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}
