import type { Principal, Role } from '../../../shared/governance/roles.js';
import type { DocumentRecord } from '../accountRecords.js';

/** Documents (a group's draft) as records: id, title, symbol. */
export interface DocumentRepo {
  create(title: string, symbol: string | null, createdBy: string, id?: string): Promise<DocumentRecord>;
  get(id: string): Promise<DocumentRecord | null>;
  /** Documents a person may open, with their role (the admin sees all, as chair). */
  listFor(principal: Principal): Promise<Array<DocumentRecord & { role: Role }>>;
}
