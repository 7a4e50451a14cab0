import * as Y from 'yjs';
import { EDITOR_ROOT, Node } from '../../shared/model/schemaNames.js';
import type { YType } from './updateInspection.js';

/**
 * Locked paragraphs of one document and the containers (sections, the root)
 * holding them. Rebuilt by a scan of the document when the set of locks
 * changes — rare — so that checking an update never scans.
 */
export class LockIndex {
  private locked = new Set<string>();
  private containers = new Set<YType>();

  constructor(private readonly doc: Y.Doc) {}

  get lockedIds(): ReadonlySet<string> {
    return this.locked;
  }

  get protectedContainers(): ReadonlySet<YType> {
    return this.containers;
  }

  isLocked(paragraphId: string): boolean {
    return this.locked.has(paragraphId);
  }

  rebuild(lockedIds: Iterable<string>): void {
    this.locked = new Set(lockedIds);
    this.containers = new Set();
    if (this.locked.size === 0) return;
    const visit = (el: Y.XmlElement | Y.XmlFragment, ancestors: YType[]): void => {
      for (const child of el.toArray()) {
        if (!(child instanceof Y.XmlElement)) continue;
        if (child.nodeName === Node.clause) {
          const id = child.getAttribute('id') as unknown;
          if (typeof id === 'string' && this.locked.has(id)) for (const a of ancestors) this.containers.add(a);
        } else {
          visit(child, [...ancestors, child]);
        }
      }
    };
    const root = this.doc.getXmlFragment(EDITOR_ROOT);
    visit(root, [root]);
  }
}
