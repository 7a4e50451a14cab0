import type { Logger } from 'pino';
import type { Principal } from '../../shared/governance/roles.js';
import type { AccessChanges } from '../auth/accessChanges.js';
import type { Limits } from '../auth/limits.js';
import type { RoomManager } from '../collab/roomManager.js';
import type { CommentService } from '../comments/commentService.js';
import type { Config } from '../config.js';
import type { GovernanceService } from '../governance/governanceService.js';
import type { AccordStore } from '../store/accordStore.js';
import type { AuditVerifier } from '../store/auditVerifier.js';
import type { DeadlineQueue } from '../store/deadlineQueue.js';

/** What route modules get: the services, built once in app.ts. */
export interface Services {
  config: Config;
  log: Logger;
  /** The store of record (the SQLite file; PostgreSQL in the multi-node mode): every route reads and writes here. */
  store: AccordStore;
  /** Revocations and membership changes, announced after they commit (open sockets follow them). */
  access: AccessChanges;
  /** Verifies audit chains on every read of the audit log. */
  audit: AuditVerifier;
  rooms: RoomManager;
  governance: GovernanceService;
  limits: Limits;
  /** Persisted deadlines (silence procedures); the commands that set them schedule them here. */
  deadlines: DeadlineQueue;
  /** Threaded comments, per group or per delegation, fed live to whoever may see them. */
  comments: CommentService;
}

export interface AppEnv {
  Variables: { principal: Principal | null; requestId: string; clientIp: string };
}

export const SESSION_COOKIE = 'accord_session';
