import type { Principal } from '../../../shared/governance/roles.js';

/** A `users` row as the rest of the server sees a person. */
export function toPrincipal(row: { id: string; name: string; affiliation: string; is_admin: number }): Principal {
  return { userId: row.id, name: row.name, affiliation: row.affiliation, isAdmin: Number(row.is_admin) === 1 };
}
