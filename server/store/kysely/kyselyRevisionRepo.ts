import { randomUUID } from 'node:crypto';
import type { RevisionInfo, RevisionRepo } from '../repos/revisionRepo.js';
import type { StoreExecutor } from './storeExecutor.js';
import type { StoreSchema } from './storeSchema.js';

type RevisionRow = Omit<StoreSchema['revisions'], 'state'>;
const INFO_COLUMNS = ['id', 'doc_id', 'number', 'label', 'note', 'issued_by', 'issued_at'] as const;

export class KyselyRevisionRepo implements RevisionRepo {
  constructor(private readonly x: StoreExecutor) {}

  issue(docId: string, issuedBy: string, note: string, state: Uint8Array): Promise<RevisionInfo> {
    return this.x.atomically(async (x) => {
      // Two chairs issuing at once would both read the same last number.
      await x.lock(`revisions:${docId}`);
      const row = await x.db
        .selectFrom('revisions')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('doc_id', '=', docId)
        .executeTakeFirst();
      const last = row?.n ?? null;
      const number = last === null ? 0 : Number(last) + 1;
      const info: RevisionInfo = {
        id: randomUUID(),
        docId,
        number,
        label: number === 0 ? 'Zero draft' : `Rev.${number}`,
        note,
        issuedBy,
        issuedAt: x.now(),
      };
      await x.db
        .insertInto('revisions')
        .values({
          id: info.id,
          doc_id: docId,
          number,
          label: info.label,
          note,
          issued_by: issuedBy,
          issued_at: info.issuedAt,
          state: x.bytes(state),
        })
        .execute();
      return info;
    });
  }

  async list(docId: string): Promise<RevisionInfo[]> {
    const rows = await this.x.db
      .selectFrom('revisions')
      .select(INFO_COLUMNS)
      .where('doc_id', '=', docId)
      .orderBy('number')
      .execute();
    return rows.map(toInfo);
  }

  async get(docId: string, number: number): Promise<{ info: RevisionInfo; state: Uint8Array } | null> {
    const row = await this.x.db
      .selectFrom('revisions')
      .selectAll()
      .where('doc_id', '=', docId)
      .where('number', '=', number)
      .executeTakeFirst();
    return row ? { info: toInfo(row), state: new Uint8Array(row.state) } : null;
  }
}

function toInfo(r: RevisionRow): RevisionInfo {
  return {
    id: r.id,
    docId: r.doc_id,
    number: Number(r.number),
    label: r.label,
    note: r.note,
    issuedBy: r.issued_by,
    issuedAt: Number(r.issued_at),
  };
}
