import type { StoreRepos } from '../repos/storeRepos.js';
import { KyselyAuditRepo } from './kyselyAuditRepo.js';
import { KyselyCommentRepo } from './kyselyCommentRepo.js';
import { KyselyCredentialRepo } from './kyselyCredentialRepo.js';
import { KyselyDelegationRepo } from './kyselyDelegationRepo.js';
import { KyselyDocLogRepo } from './kyselyDocLogRepo.js';
import { KyselyDocumentRepo } from './kyselyDocumentRepo.js';
import { KyselyInviteRepo } from './kyselyInviteRepo.js';
import { KyselyJobRepo } from './kyselyJobRepo.js';
import { KyselyLeaseRepo } from './kyselyLeaseRepo.js';
import { KyselyMembershipRepo } from './kyselyMembershipRepo.js';
import { KyselyNotificationRepo } from './kyselyNotificationRepo.js';
import { KyselyRevisionRepo } from './kyselyRevisionRepo.js';
import { KyselyScreenLinkRepo } from './kyselyScreenLinkRepo.js';
import { KyselyUserRepo } from './kyselyUserRepo.js';
import type { StoreExecutor } from './storeExecutor.js';

/** Every repository bound to one executor (the database, or one transaction). */
export function kyselyRepos(x: StoreExecutor): StoreRepos {
  return {
    log: new KyselyDocLogRepo(x),
    leases: new KyselyLeaseRepo(x),
    jobs: new KyselyJobRepo(x),
    users: new KyselyUserRepo(x),
    credentials: new KyselyCredentialRepo(x),
    documents: new KyselyDocumentRepo(x),
    memberships: new KyselyMembershipRepo(x),
    delegations: new KyselyDelegationRepo(x),
    invites: new KyselyInviteRepo(x),
    audit: new KyselyAuditRepo(x),
    revisions: new KyselyRevisionRepo(x),
    comments: new KyselyCommentRepo(x),
    notifications: new KyselyNotificationRepo(x),
    screenLinks: new KyselyScreenLinkRepo(x),
  };
}
