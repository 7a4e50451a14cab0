import { type AuditRow, hashOf, rowMatches } from '../auditChainCheck.js';
import { type AuditEntry, auditEntryFromRow, type Verification } from '../auditLog.js';
import type { AuditDraft, AuditRepo } from '../repos/auditRepo.js';
import { type StoreExecutor, TransactionLost } from './storeExecutor.js';

/** Chain key of installation events (docId null). */
const INSTALLATION = '';
const GENESIS = '0'.repeat(64);
const VERIFY_PAGE = 5000;

/** The audit chains (same rows, hashes and semantics as `AuditLog`, see its doc comment). */
export class KyselyAuditRepo implements AuditRepo {
  constructor(private readonly x: StoreExecutor) {}

  append(docId: string | null, draft: AuditDraft): Promise<AuditEntry> {
    return this.x.atomically(async (x) => {
      const chain = docId ?? INSTALLATION;
      // Two writers reading the same tail would fork the chain: they take turns per chain.
      await x.lock(`audit:${chain}`);
      const tail = await x.db
        .selectFrom('audit_entries')
        .select(['seq', 'hash'])
        .where('chain', '=', chain)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const at = x.now();
      const detail = JSON.stringify(draft.detail);
      const seq = Number(tail?.seq ?? 0) + 1;
      const prevHash = tail?.hash ?? GENESIS;
      const hash = hashOf(prevHash, chain, seq, at, draft.actor, draft.action, detail);
      await x.db
        .insertInto('audit_entries')
        .values({
          chain,
          seq,
          doc_id: docId,
          at,
          actor: draft.actor,
          action: draft.action,
          detail,
          prev_hash: prevHash,
          hash,
        })
        .execute();
      const entry: AuditEntry = {
        seq,
        docId,
        at,
        actor: draft.actor,
        action: draft.action,
        detail: draft.detail,
        prevHash,
        hash,
      };
      for (const hook of x.auditHooks) {
        if (!hook.wants(entry.action)) continue;
        // A hook must never undo the event it hears of: its writes have a savepoint of their own.
        try {
          await x.savepoint((y) => hook.recorded(entry, y));
        } catch (err) {
          if (err instanceof TransactionLost) throw err;
          hook.failed(err, entry);
        }
      }
      return entry;
    });
  }

  async list(docId: string | null, limit = 1000, afterSeq = 0): Promise<AuditEntry[]> {
    return (await this.page(docId ?? INSTALLATION, afterSeq, limit)).map(auditEntryFromRow);
  }

  async verify(docId: string | null): Promise<Verification> {
    const chain = docId ?? INSTALLATION;
    let prev = GENESIS;
    let expected = 1;
    let checked = 0;
    const broken = (seq: number, reason: string): Verification => ({
      intact: false,
      firstBroken: { seq, reason },
      from: 0,
      checked,
    });
    for (let after = 0; ; ) {
      const rows = await this.page(chain, after, VERIFY_PAGE);
      for (const row of rows) {
        checked++;
        if (row.seq !== expected) return broken(expected, 'an entry is missing');
        if (row.prev_hash !== prev) return broken(row.seq, 'broken link to the previous entry');
        if (!rowMatches(row)) return broken(row.seq, 'entry content does not match its hash');
        prev = row.hash;
        expected++;
        after = row.seq;
      }
      if (rows.length < VERIFY_PAGE) break;
    }
    return { intact: true, firstBroken: null, from: 0, checked };
  }

  private async page(chain: string, afterSeq: number, limit: number): Promise<AuditRow[]> {
    const rows = await this.x.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('chain', '=', chain)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    // BIGINT columns come back as numbers (see the pg type parser), but the hash needs exact types.
    return rows.map((r) => ({ ...r, seq: Number(r.seq), at: Number(r.at) }));
  }
}
