import type * as Y from 'yjs';
import { paragraphHash } from '../../shared/governance/paragraphHash.js';
import type { Actor } from '../../shared/model/governance.js';
import { isAgreed } from '../../shared/model/statusRules.js';
import { GovMap } from './govMap.js';
import { readParagraph } from './paragraphs.js';

/**
 * For a draft whose statuses and locks were written wholesale (a new draft from
 * an import or the demo): ties every agreed paragraph's agreement, and every
 * lock, to the text as stored, as the commands do. Runs inside a room step.
 */
export function recordAgreedText(doc: Y.Doc, by: Actor): void {
  const gov = new GovMap(doc);
  const ids = new Set<string>(gov.lockedIds());
  for (const [id, status] of gov.statusEntries()) if (isAgreed(status)) ids.add(id);
  for (const id of ids) {
    const p = readParagraph(doc, id);
    if (!p) continue;
    const textHash = paragraphHash(p);
    if (isAgreed(gov.status(id)) && !gov.agreement(id)) gov.setAgreement(id, { textHash, by, at: Date.now() });
    const lock = gov.lock(id);
    if (lock && !lock.textHash) gov.setLock(id, { ...lock, textHash });
  }
}
