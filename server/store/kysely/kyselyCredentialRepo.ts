import { randomBytes } from 'node:crypto';
import { hashSecret, newSecret } from '../../auth/secrets.js';
import type { ApiTokenInfo, CredentialCheck, CredentialKind } from '../accountRecords.js';
import type { CredentialRepo } from '../repos/credentialRepo.js';
import type { StoreExecutor } from './storeExecutor.js';
import { toPrincipal } from './toPrincipal.js';

const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
const SIGNIN_LINK_TTL_MS = 24 * 3600 * 1000;
const DEFAULT_KINDS: readonly CredentialKind[] = ['session', 'api_token'];

export class KyselyCredentialRepo implements CredentialRepo {
  constructor(private readonly x: StoreExecutor) {}

  async issue(
    userId: string,
    kind: CredentialKind,
    secret: string = newSecret(),
    label: string | null = null,
  ): Promise<string> {
    const now = this.x.now();
    const ttl = kind === 'session' ? SESSION_TTL_MS : kind === 'signin_link' ? SIGNIN_LINK_TTL_MS : null;
    await this.x.db
      .insertInto('credentials')
      .values({
        hash: hashSecret(secret),
        id: randomBytes(8).toString('hex'),
        user_id: userId,
        kind,
        label,
        expires_at: ttl === null ? null : now + ttl,
        created_at: now,
      })
      .onConflict((oc) => oc.column('hash').doUpdateSet((eb) => ({ user_id: eb.ref('excluded.user_id'), kind })))
      .execute();
    return secret;
  }

  async check(secret: string, kinds: readonly CredentialKind[] = DEFAULT_KINDS): Promise<CredentialCheck | null> {
    const row = await this.x.db
      .selectFrom('credentials as c')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .select(['u.id', 'u.name', 'u.affiliation', 'u.is_admin', 'c.id as credential_id', 'c.kind', 'c.expires_at'])
      .where('c.hash', '=', hashSecret(secret))
      .executeTakeFirst();
    if (!row || !kinds.includes(row.kind as CredentialKind)) return null;
    const expiresAt = row.expires_at === null ? null : Number(row.expires_at);
    if (expiresAt !== null && expiresAt < this.x.now()) return null;
    return {
      principal: toPrincipal(row),
      credentialId: row.credential_id,
      kind: row.kind as CredentialKind,
      expiresAt,
    };
  }

  async expired(secret: string): Promise<boolean> {
    const row = await this.x.db
      .selectFrom('credentials')
      .select('expires_at')
      .where('hash', '=', hashSecret(secret))
      .executeTakeFirst();
    return row !== undefined && row.expires_at !== null && Number(row.expires_at) < this.x.now();
  }

  async valid(credentialId: string): Promise<boolean> {
    const row = await this.x.db
      .selectFrom('credentials')
      .select('expires_at')
      .where('id', '=', credentialId)
      .executeTakeFirst();
    return row !== undefined && (row.expires_at === null || Number(row.expires_at) >= this.x.now());
  }

  consume(secret: string, kinds: readonly CredentialKind[]): Promise<CredentialCheck | null> {
    return this.x.atomically(async (x) => {
      const repo = new KyselyCredentialRepo(x);
      const found = await repo.check(secret, kinds);
      if (!found) return null;
      // The DELETE decides: of two concurrent redemptions only one deletes the row.
      const gone = await x.db.deleteFrom('credentials').where('hash', '=', hashSecret(secret)).executeTakeFirst();
      return Number(gone.numDeletedRows) > 0 ? found : null;
    });
  }

  async revoke(secret: string): Promise<string | null> {
    const row = await this.x.db
      .deleteFrom('credentials')
      .where('hash', '=', hashSecret(secret))
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async apiTokens(userId: string): Promise<ApiTokenInfo[]> {
    const rows = await this.x.db
      .selectFrom('credentials')
      .select(['id', 'label', 'created_at'])
      .where('user_id', '=', userId)
      .where('kind', '=', 'api_token')
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ id: r.id, label: r.label ?? '', createdAt: Number(r.created_at) }));
  }

  async revokeApiToken(userId: string, id: string): Promise<boolean> {
    const result = await this.x.db
      .deleteFrom('credentials')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('kind', '=', 'api_token')
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async revokeAll(userId: string, kind: CredentialKind): Promise<number> {
    const result = await this.x.db
      .deleteFrom('credentials')
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
