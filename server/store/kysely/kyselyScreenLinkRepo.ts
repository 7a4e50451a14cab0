import { randomBytes } from 'node:crypto';
import { hashSecret, newSecret } from '../../auth/secrets.js';
import type { ScreenLink, ScreenLinkRepo } from '../repos/screenLinkRepo.js';
import type { StoreExecutor } from './storeExecutor.js';

const COLUMNS = ['id', 'doc_id', 'label', 'created_by', 'created_at'] as const;

export class KyselyScreenLinkRepo implements ScreenLinkRepo {
  constructor(private readonly x: StoreExecutor) {}

  async create(docId: string, label: string, createdBy: string): Promise<{ link: ScreenLink; secret: string }> {
    const secret = newSecret();
    const link: ScreenLink = { id: randomBytes(8).toString('hex'), docId, label, createdBy, createdAt: this.x.now() };
    await this.x.db
      .insertInto('screen_links')
      .values({
        id: link.id,
        doc_id: docId,
        hash: hashSecret(secret),
        label,
        created_by: createdBy,
        created_at: link.createdAt,
      })
      .execute();
    return { link, secret };
  }

  async list(docId: string): Promise<ScreenLink[]> {
    const rows = await this.x.db
      .selectFrom('screen_links')
      .select(COLUMNS)
      .where('doc_id', '=', docId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toLink);
  }

  async check(secret: string): Promise<ScreenLink | null> {
    const row = await this.x.db
      .selectFrom('screen_links')
      .select(COLUMNS)
      .where('hash', '=', hashSecret(secret))
      .executeTakeFirst();
    return row ? toLink(row) : null;
  }

  async valid(id: string): Promise<boolean> {
    return (
      (await this.x.db.selectFrom('screen_links').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
    );
  }

  async revoke(docId: string, id: string): Promise<boolean> {
    const result = await this.x.db
      .deleteFrom('screen_links')
      .where('id', '=', id)
      .where('doc_id', '=', docId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

function toLink(r: { id: string; doc_id: string; label: string; created_by: string; created_at: number }): ScreenLink {
  return { id: r.id, docId: r.doc_id, label: r.label, createdBy: r.created_by, createdAt: Number(r.created_at) };
}
