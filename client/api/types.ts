import type { Role } from '../../shared/governance/roles';
import type { Draft } from '../../shared/model/draft';
import type { Governance } from '../../shared/model/governance';

/** Response shapes of the Accord HTTP API that the client reads. */
export interface Me {
  id: string;
  name: string;
  affiliation: string;
  isAdmin: boolean;
}

export interface DocumentSummary {
  id: string;
  title: string;
  symbol: string | null;
  role: Role;
  createdAt?: number;
}

export interface MemberInfo {
  userId: string;
  name: string;
  affiliation: string;
  role: Role;
}

export interface InviteOffer {
  title: string;
  role: Role;
}

export interface InviteCreated {
  url: string;
  token: string;
  role: Role;
}

export interface AuditEntry {
  seq: number;
  at: number;
  actor: string | null;
  action: string;
  detail: Record<string, unknown>;
  hash: string;
}

export interface AuditAnswer {
  entries: AuditEntry[];
  chainIntact: boolean;
}

export interface RevisionInfo {
  /** 0 is the zero draft, then Rev.1, Rev.2 … */
  number: number;
  label: string;
  note: string | null;
  issuedBy: string;
  issuedByName?: string;
  issuedAt: number;
}

export interface RevisionSnapshot {
  draft: Draft;
  governance: Governance;
  number?: number;
  label?: string;
}
