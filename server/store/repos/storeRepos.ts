import type { AuditRepo } from './auditRepo.js';
import type { CommentRepo } from './commentRepo.js';
import type { CredentialRepo } from './credentialRepo.js';
import type { DelegationRepo } from './delegationRepo.js';
import type { DocLogRepo } from './docLogRepo.js';
import type { DocumentRepo } from './documentRepo.js';
import type { InviteRepo } from './inviteRepo.js';
import type { JobRepo } from './jobRepo.js';
import type { LeaseRepo } from './leaseRepo.js';
import type { MembershipRepo } from './membershipRepo.js';
import type { NotificationRepo } from './notificationRepo.js';
import type { RevisionRepo } from './revisionRepo.js';
import type { ScreenLinkRepo } from './screenLinkRepo.js';
import type { UserRepo } from './userRepo.js';

/** Every persistent concern, as seen inside one transaction or outside any (each call its own). */
export interface StoreRepos {
  readonly log: DocLogRepo;
  readonly leases: LeaseRepo;
  readonly jobs: JobRepo;
  readonly users: UserRepo;
  readonly credentials: CredentialRepo;
  readonly documents: DocumentRepo;
  readonly memberships: MembershipRepo;
  readonly delegations: DelegationRepo;
  readonly invites: InviteRepo;
  readonly audit: AuditRepo;
  readonly revisions: RevisionRepo;
  readonly comments: CommentRepo;
  readonly notifications: NotificationRepo;
  readonly screenLinks: ScreenLinkRepo;
}
