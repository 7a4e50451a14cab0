/** Scheduled work: something to do at or after a deadline (the end of a silence procedure, …). */
export interface Job {
  id: string;
  /** What the job is for, unique among jobs (`silence:<id>`), or null. */
  key: string | null;
  kind: string;
  docId: string | null;
  /** JSON-serialisable data the job's handler needs. */
  payload: unknown;
  runAt: number;
  attempts: number;
}

export interface JobToSchedule {
  /**
   * Scheduling a key that has a job moves that job (deadline, payload), makes it pending again if
   * it was done, and voids its claim — a claimer running the old deadline can no longer complete
   * it. Null: always a new job.
   */
  key?: string | null;
  kind: string;
  docId: string | null;
  payload: unknown;
  runAt: number;
}

/** A claimed job, held by `claimer` until `claimedUntil` (after that another claimer may take it). */
export interface ClaimedJob extends Job {
  claimer: string;
  claimedUntil: number;
}

/**
 * The jobs table. A job is claimed by one claimer at a time (`FOR UPDATE SKIP LOCKED` on
 * PostgreSQL, the writer lock on SQLite); it runs exactly once when its handler's effects and
 * `complete` share one store transaction: `complete` refuses a claim that expired and was taken
 * by someone else, so the late claimer's transaction rolls back.
 */
export interface JobRepo {
  /** The job's id (for a key: the id of the one job under that key). */
  schedule(job: JobToSchedule): Promise<string>;
  /** Claims up to `limit` due jobs (earliest deadline first) for `claimMs`; only of `kinds` when given. */
  claimDue(claimer: string, limit: number, claimMs: number, kinds?: readonly string[]): Promise<ClaimedJob[]>;
  /** Marks a claimed job done; false if the claim was lost (then nothing of the job may be kept). */
  complete(job: ClaimedJob): Promise<boolean>;
  /**
   * Marks the job under `key` done whoever holds its claim (false: no such pending job). For
   * effects that are idempotent on their own and stored in the same transaction (a silence's
   * expiry re-checks the document in the room's step; ending a silence early completes it).
   */
  finish(key: string): Promise<boolean>;
  /** Voids every claim `claimer` holds: a restarted embedded server takes up what it left claimed. */
  releaseClaims(claimer: string): Promise<number>;
  /** Drops a job that has not run yet (a silence procedure withdrawn); false if it already ran. */
  cancel(id: string): Promise<boolean>;
  /** Jobs not yet done (for a document, or all), earliest first. */
  pending(docId: string | null): Promise<Job[]>;
}
