import type { Logger } from 'pino';
import type { Principal } from '../../shared/governance/roles.js';
import type { Limits } from '../auth/limits.js';
import type { RoomManager } from '../collab/roomManager.js';
import type { Config } from '../config.js';
import type { GovernanceService } from '../governance/governanceService.js';
import type { Accounts } from '../store/accounts.js';
import type { AuditLog } from '../store/auditLog.js';
import type { DeadlineQueue } from '../store/deadlineQueue.js';
import type { StoreRepos } from '../store/repos/storeRepos.js';
import type { RevisionStore } from '../store/revisionStore.js';

/** What route modules get: the services, built once in app.ts. */
export interface Services {
  config: Config;
  log: Logger;
  accounts: Accounts;
  /** The async repositories (the same SQLite file; PostgreSQL in the multi-node mode). */
  store: StoreRepos;
  audit: AuditLog;
  rooms: RoomManager;
  governance: GovernanceService;
  revisions: RevisionStore;
  limits: Limits;
  /** Persisted deadlines (silence procedures); the commands that set them schedule them here. */
  deadlines: DeadlineQueue;
}

export interface AppEnv {
  Variables: { principal: Principal | null; requestId: string; clientIp: string };
}

export const SESSION_COOKIE = 'accord_session';
