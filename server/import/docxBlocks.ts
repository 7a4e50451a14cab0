import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { docxStyles } from '../export/docxExport.js';
import {
  LITERAL_CLOSE,
  LITERAL_OPEN,
  NOTE_MARK,
  type Note,
  ownCharactersOut,
  type Piece,
  type Place,
  plainText,
  type SourceBlock,
} from './sourceBlocks.js';

/**
 * The parts of mammoth's document model we read (mammoth's `transformDocument` hook hands it over;
 * the model is mammoth's own, documented as unstable, so the version is pinned by the lockfile and
 * the import tests cover every element used here).
 */
interface MElement {
  type: string;
  children?: MElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  isBold?: boolean;
  isItalic?: boolean;
  noteType?: 'footnote' | 'endnote';
  noteId?: string;
  href?: string;
  breakType?: string;
  checked?: boolean;
}

interface MDocument extends MElement {
  notes: { resolve(reference: MElement): { body: MElement[] } | null };
}

export class DocxUnreadable extends Error {}

/** Reads a .docx (already checked by zipInspection.ts) into source blocks. */
export async function docxBlocks(file: Uint8Array): Promise<SourceBlock[]> {
  let document: MDocument | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(file.buffer, file.byteOffset, file.byteLength) },
      {
        transformDocument: (d: MDocument) => {
          document = d;
          // Only the model is wanted: nothing left for mammoth to turn into HTML.
          return { ...d, children: [] };
        },
      },
    );
  } catch {
    throw new DocxUnreadable('The Word document could not be read.');
  }
  if (document === null) throw new DocxUnreadable('The Word document could not be read.');
  return new DocxReader(document, ownExport(file)).blocks();
}

/**
 * Our own exports define the "Bracket" character style: there a bracket is a proposal only in that
 * style, and a bracket typed in the text stays text. In any other document every balanced pair is one.
 */
function ownExport(file: Uint8Array): boolean {
  try {
    const styles = unzipSync(file, { filter: (f) => f.name === 'word/styles.xml' })['word/styles.xml'];
    return styles !== undefined && strFromU8(styles).includes(`w:styleId="${docxStyles.bracket}"`);
  } catch {
    return false;
  }
}

const skippedStyles = new Set<string>([docxStyles.status, docxStyles.draftMark, 'Subtitle']);
const subparagraphStyle = /^Subparagraph(\d?)$/;
const typedLabel = /^(?:\([a-z]{1,4}\)|•)\t/;

class DocxReader {
  constructor(
    private readonly doc: MDocument,
    private readonly own: boolean,
  ) {}

  blocks(): SourceBlock[] {
    const out: SourceBlock[] = [];
    for (const el of this.doc.children ?? []) {
      if (el.type === 'table') out.push({ kind: 'table', at: this.tableAt(el) });
      else if (el.type === 'paragraph') {
        const block = this.paragraph(el);
        if (block) out.push(block);
      }
    }
    return out;
  }

  private paragraph(el: MElement): SourceBlock | null {
    const style = el.styleId ?? '';
    const name = el.styleName ?? '';
    if (skippedStyles.has(style) || skippedStyles.has(name.replace(/\s+/g, ''))) return null;
    const notes: Note[] = [];
    const pieces = this.inline(el.children ?? [], notes, false);
    if (style === 'Title' || name === 'Title') {
      return { kind: 'title', text: plainText(pieces).replaceAll(NOTE_MARK, '') };
    }
    if (/^heading\s*\d$/i.test(name) || /^Heading\d$/.test(style)) return { kind: 'heading', pieces, notes };
    return { kind: 'line', place: this.place(el, pieces), pieces, notes };
  }

  private place(el: MElement, pieces: Piece[]): Place {
    const style = el.styleId ?? '';
    if (style === docxStyles.numbered) return { role: 'paragraph' };
    if (style === docxStyles.continued) return { role: 'continuation', depth: 0 };
    const sub = subparagraphStyle.exec(style);
    if (sub) {
      const depth = Number(sub[1] || '1');
      const text = pieces.map((p) => p.text).join('');
      return typedLabel.test(text) ? { role: 'item', depth, ordered: null } : { role: 'continuation', depth };
    }
    // Word list numbering: the first level numbers paragraphs, deeper levels are subparagraphs.
    const level = Number(el.numbering?.level ?? 0);
    if (el.numbering && level >= 1) return { role: 'item', depth: level, ordered: el.numbering.isOrdered };
    if (el.numbering) return { role: 'paragraph' };
    return { role: 'auto' };
  }

  private inline(children: MElement[], notes: Note[], bracketStyle: boolean, bold = false, italic = false): Piece[] {
    const out: Piece[] = [];
    for (const c of children) {
      switch (c.type) {
        case 'run': {
          const structural = c.styleId === docxStyles.bracket;
          out.push(...this.inline(c.children ?? [], notes, structural, c.isBold ?? false, c.isItalic ?? false));
          break;
        }
        case 'text': {
          let text = ownCharactersOut(c.value ?? '');
          // In our own files only the Bracket style makes a bracket; typed ones stay text.
          if (this.own && !bracketStyle) text = text.replaceAll('[', LITERAL_OPEN).replaceAll(']', LITERAL_CLOSE);
          out.push({ text, bold: bold || undefined, italic: italic || undefined });
          break;
        }
        case 'tab':
          out.push({ text: '\t' });
          break;
        case 'break':
          out.push({ text: ' ' });
          break;
        case 'checkbox':
          out.push({ text: c.checked ? '☒' : '☐' });
          break;
        case 'hyperlink':
          out.push(...this.inline(c.children ?? [], notes, bracketStyle, bold, italic));
          break;
        case 'noteReference': {
          const note = this.note(c);
          if (note) {
            notes.push(note);
            // The marker is filled in by buildDraft.ts, which numbers notes across the document.
            out.push({ text: NOTE_MARK });
          }
          break;
        }
        default:
          // Bookmarks, comment references, images: not negotiating text.
          if (c.children && c.type !== 'image') out.push(...this.inline(c.children, notes, bracketStyle, bold, italic));
      }
    }
    return out;
  }

  /** A footnote's or endnote's text; our export's objection footnotes are governance, not text. */
  private note(ref: MElement): Note | null {
    const note = this.doc.notes.resolve(ref);
    if (!note) return null;
    const paragraphs = note.body.filter((b) => b.type === 'paragraph');
    if (paragraphs.some((p) => p.styleId === docxStyles.objection)) return null;
    const pieces: Piece[] = [];
    for (const p of paragraphs) {
      if (pieces.length > 0) pieces.push({ text: ' ' });
      pieces.push(...this.inline(p.children ?? [], [], false));
    }
    return { kind: ref.noteType === 'endnote' ? 'Endnote' : 'Footnote', pieces };
  }

  private tableAt(table: MElement): { rows: number; columns: number; firstCell: string } {
    const rows = (table.children ?? []).filter((r) => r.type === 'tableRow');
    const columns = Math.max(0, ...rows.map((r) => (r.children ?? []).filter((c) => c.type === 'tableCell').length));
    const cell = rows[0]?.children?.[0];
    const texts: string[] = [];
    const collect = (el: MElement) => {
      if (el.type === 'text') texts.push(el.value ?? '');
      for (const c of el.children ?? []) collect(c);
    };
    if (cell) collect(cell);
    return { rows: rows.length, columns, firstCell: texts.join('').trim().slice(0, 60) };
  }
}
