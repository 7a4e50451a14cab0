import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../shared/governance/roles.js';
import { isLanguage, type Language } from '../../../shared/i18n/languages.js';
import type { UserRepo } from '../repos/userRepo.js';
import type { StoreExecutor } from './storeExecutor.js';
import { toPrincipal } from './toPrincipal.js';

export class KyselyUserRepo implements UserRepo {
  constructor(private readonly x: StoreExecutor) {}

  async create(name: string, affiliation: string, isAdmin = false, id: string = randomUUID()): Promise<Principal> {
    await this.x.db
      .insertInto('users')
      .values({ id, name, affiliation, is_admin: isAdmin ? 1 : 0, created_at: this.x.now(), language: null })
      .execute();
    return { userId: id, name, affiliation, isAdmin };
  }

  async get(userId: string): Promise<Principal | null> {
    const row = await this.x.db
      .selectFrom('users')
      .select(['id', 'name', 'affiliation', 'is_admin'])
      .where('id', '=', userId)
      .executeTakeFirst();
    return row ? toPrincipal(row) : null;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.x.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) === undefined;
  }

  async language(userId: string): Promise<Language | null> {
    const row = await this.x.db.selectFrom('users').select('language').where('id', '=', userId).executeTakeFirst();
    const language = row?.language;
    return isLanguage(language) ? language : null;
  }

  async setLanguage(userId: string, language: Language): Promise<boolean> {
    const result = await this.x.db.updateTable('users').set({ language }).where('id', '=', userId).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
