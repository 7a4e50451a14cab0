import type { Principal } from '../../../shared/governance/roles.js';
import type { Language } from '../../../shared/i18n/languages.js';

/** People. */
export interface UserRepo {
  create(name: string, affiliation: string, isAdmin?: boolean, id?: string): Promise<Principal>;
  get(userId: string): Promise<Principal | null>;
  /** True before the first person exists (a new installation). */
  isEmpty(): Promise<boolean>;
  language(userId: string): Promise<Language | null>;
  /** False when there is no such person. */
  setLanguage(userId: string, language: Language): Promise<boolean>;
}
