import type { Kysely } from 'kysely';
import type { AccordStore, StoreDialect } from '../accordStore.js';
import type { AuditRepo } from '../repos/auditRepo.js';
import type { CredentialRepo } from '../repos/credentialRepo.js';
import type { DelegationRepo } from '../repos/delegationRepo.js';
import type { DocLogRepo } from '../repos/docLogRepo.js';
import type { DocumentRepo } from '../repos/documentRepo.js';
import type { InviteRepo } from '../repos/inviteRepo.js';
import type { JobRepo } from '../repos/jobRepo.js';
import type { LeaseRepo } from '../repos/leaseRepo.js';
import type { MembershipRepo } from '../repos/membershipRepo.js';
import type { RevisionRepo } from '../repos/revisionRepo.js';
import type { StoreRepos } from '../repos/storeRepos.js';
import type { UserRepo } from '../repos/userRepo.js';
import { kyselyRepos } from './kyselyRepos.js';
import { StoreExecutor } from './storeExecutor.js';
import type { StoreSchema } from './storeSchema.js';

/** The store over Kysely: the same queries for SQLite and PostgreSQL, the dialect only where SQL differs. */
export class KyselyStore implements AccordStore {
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
  private readonly executor: StoreExecutor;

  constructor(
    db: Kysely<StoreSchema>,
    readonly dialect: StoreDialect,
    now: () => number,
    private readonly onClose: () => Promise<void>,
  ) {
    this.executor = new StoreExecutor(db, dialect, now);
    const repos = kyselyRepos(this.executor);
    this.log = repos.log;
    this.leases = repos.leases;
    this.jobs = repos.jobs;
    this.users = repos.users;
    this.credentials = repos.credentials;
    this.documents = repos.documents;
    this.memberships = repos.memberships;
    this.delegations = repos.delegations;
    this.invites = repos.invites;
    this.audit = repos.audit;
    this.revisions = repos.revisions;
  }

  transaction<T>(work: (tx: StoreRepos) => Promise<T>): Promise<T> {
    return this.executor.atomically((x) => work(kyselyRepos(x)));
  }

  close(): Promise<void> {
    return this.onClose();
  }
}
