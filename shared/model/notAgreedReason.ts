import type { ParagraphStatus } from './governance.js';

/**
 * Why a paragraph keeps the clean report from being produced, as a stable code the client
 * words in the reader's language (the API's English `reasons` stay for scripts).
 */
export type NotAgreedReason =
  | { code: 'status'; status: ParagraphStatus }
  | { code: 'open_brackets' }
  | { code: 'unresolved_alternative' }
  | { code: 'standing_objections'; count: number };
