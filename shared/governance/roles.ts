/** Roles a person has on one document. The admin (secretariat) acts as chair everywhere. */
export const roles = ['chair', 'member', 'observer'] as const;
export type Role = (typeof roles)[number];

export interface Permissions {
  /** May send document updates (edit unlocked text, bracket, propose alternatives). */
  edit: boolean;
  /** May lodge objections and withdraw their own. */
  object: boolean;
  /** May set any status, lock/unlock, answer objections, issue revisions, export the clean report. */
  chair: boolean;
  /** May invite people and change roles. */
  manageMembers: boolean;
}

export function permissionsFor(role: Role): Permissions {
  switch (role) {
    case 'chair':
      return { edit: true, object: true, chair: true, manageMembers: true };
    case 'member':
      return { edit: true, object: true, chair: false, manageMembers: false };
    case 'observer':
      return { edit: false, object: false, chair: false, manageMembers: false };
  }
}

/** Who a connection or request acts for: decided once at authentication. */
export interface Principal {
  userId: string;
  name: string;
  affiliation: string;
  isAdmin: boolean;
}
