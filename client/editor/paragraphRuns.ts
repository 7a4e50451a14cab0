import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * A paragraph (clause) in the plain-text coordinates proposals use
 * (shared/model/proposalAnchors.ts): its runs of text — consecutive text nodes of a
 * textblock, one Y.XmlText each in the Yjs binding — joined by '\n'.
 */
export interface ParagraphRuns {
  text: string;
  /** The editor position of a plain-text offset (an offset on a '\n' is the end of the run before it). */
  posOf(offset: number): number;
  /** The plain-text offset of an editor position, or null if it is not inside a run. */
  offsetOf(pos: number): number | null;
}

interface Run {
  start: number;
  pos: number;
  length: number;
}

/** `clausePos` is the position just before the clause node. */
export function paragraphRuns(clause: PMNode, clausePos: number): ParagraphRuns {
  const runs: Run[] = [];
  let text = '';
  clause.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const content = clausePos + 1 + pos + 1;
    let run: Run | null = null;
    const close = () => {
      if (run) runs.push(run);
      run = null;
    };
    node.forEach((child, offset) => {
      if (child.isText) {
        if (!run) {
          if (runs.length > 0) text += '\n';
          run = { start: text.length, pos: content + offset, length: 0 };
        }
        run.length += child.text?.length ?? 0;
        text += child.text ?? '';
      } else close();
    });
    close();
    return false;
  });
  return {
    text,
    posOf(offset) {
      for (const r of runs) if (offset >= r.start && offset <= r.start + r.length) return r.pos + (offset - r.start);
      const last = runs[runs.length - 1];
      return last ? last.pos + last.length : clausePos + 1;
    },
    offsetOf(pos) {
      for (const r of runs) if (pos >= r.pos && pos <= r.pos + r.length) return r.start + (pos - r.pos);
      return null;
    },
  };
}
