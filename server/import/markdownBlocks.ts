import type {
  Blockquote,
  FootnoteDefinition,
  List,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  Text,
} from 'mdast';
import { type CompileContext, fromMarkdown, type Token } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { isFurniture, isStatusLine } from './exportLabels.js';
import {
  LITERAL_CLOSE,
  LITERAL_OPEN,
  LITERAL_PAREN,
  NOT_A_NUMBER,
  NOTE_MARK,
  type Note,
  ownCharactersOut,
  type Piece,
  type Place,
  plainText,
  type SourceBlock,
} from './sourceBlocks.js';
import { parseNumber } from './typedNumbers.js';

/**
 * An escaped bracket (`\[`) is a character the author meant as text: it is read as LITERAL_OPEN /
 * LITERAL_CLOSE, so that only bare brackets become proposals (our export writes typed brackets
 * escaped and proposals bare).
 */
const literalEscapes = {
  exit: {
    characterEscapeValue(this: CompileContext, token: Token) {
      const tail = this.stack.pop() as Text;
      const value = this.sliceSerialize(token);
      tail.value +=
        value === '[' ? LITERAL_OPEN : value === ']' ? LITERAL_CLOSE : value === '(' ? LITERAL_PAREN : value;
      if (tail.position)
        tail.position.end = { line: token.end.line, column: token.end.column, offset: token.end.offset };
    },
    /**
     * A character written as a numeric reference is marked NOT_A_NUMBER: our export writes the
     * first digit of a bold number that is text (not a paragraph number) that way.
     */
    characterReference(this: CompileContext, token: Token) {
      const tail = this.stack.pop() as Text;
      const m = /^&#(x?)([0-9a-f]+);$/i.exec(this.sliceSerialize(token));
      if (m) {
        const code = Number.parseInt(m[2]!, m[1] ? 16 : 10);
        const length = code > 0xffff && code <= 0x10ffff ? 2 : 1;
        tail.value = `${tail.value.slice(0, -length)}${NOT_A_NUMBER}${tail.value.slice(-length)}`;
      }
      if (tail.position) {
        tail.position.end = { line: token.end.line, column: token.end.column, offset: token.end.offset };
      }
    },
  },
};

const metaLine = /^(?:[^\n]+ · )?\d{4}-\d{2}-\d{2}$/;

/**
 * Reads Markdown (CommonMark with GFM tables and footnotes) with micromark into source blocks.
 * Headings are sections (a document's only `#` heading, first, is its title); a paragraph opening
 * with a bold number (as our export writes them) starts a numbered paragraph, and then plain
 * paragraphs and lists after it belong to it; without bold numbers each paragraph and each
 * top-level list item is a paragraph and nested lists are subparagraphs. Our export's status
 * lines, objections, DRAFT mark and symbol line are not text.
 */
export function markdownBlocks(source: string): SourceBlock[] {
  const tree = fromMarkdown(ownCharactersOut(source), {
    extensions: [gfmTable(), gfmFootnote()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), literalEscapes],
  });
  return new MarkdownReader(tree).blocks();
}

class MarkdownReader {
  private readonly definitions = new Map<string, FootnoteDefinition>();
  private readonly numbered: boolean;
  private readonly out: SourceBlock[] = [];

  constructor(private readonly tree: Root) {
    for (const node of tree.children)
      if (node.type === 'footnoteDefinition') this.definitions.set(node.identifier, node);
    this.numbered = tree.children.some((n) => n.type === 'paragraph' && this.boldNumber(n) !== null);
  }

  blocks(): SourceBlock[] {
    // Link definitions print nothing (our export's language line `[//]: # "lang: …"` is one).
    const children = this.tree.children.filter((n) => n.type !== 'definition');
    let start = 0;
    const first = children[0];
    const h1s = children.filter((n) => n.type === 'heading' && n.depth === 1).length;
    // The only `#` heading, first, with nothing under it but our export's line (symbol · revision ·
    // date) and DRAFT mark before the next heading, is the title; with text under it, a section.
    if (first?.type === 'heading' && first.depth === 1 && h1s === 1) {
      let next = 1;
      const second = children[1];
      if (second?.type === 'paragraph' && metaLine.test(plainText(this.phrasing(second.children, [])))) next = 2;
      const third = children[next];
      if (third?.type === 'blockquote' && this.furniture(third)) next++;
      if (children[next]?.type === 'heading') {
        this.out.push({ kind: 'title', text: plainText(this.phrasing(first.children, [])) });
        start = next;
      }
    }
    for (const node of children.slice(start)) this.flow(node);
    return this.out;
  }

  /** The number of a paragraph that opens with it in bold ("**7 bis**"), else null. */
  private boldNumber(p: Paragraph): string | null {
    const first = p.children[0];
    if (first?.type !== 'strong') return null;
    // Raw text: a NOT_A_NUMBER mark must keep "&#x32;030" from reading as a number.
    const text = this.phrasing(first.children, [])
      .map((p) => p.text)
      .join('')
      .trim();
    return parseNumber(text) ? text : null;
  }

  private flow(node: RootContent): void {
    switch (node.type) {
      case 'heading': {
        const notes: Note[] = [];
        this.out.push({ kind: 'heading', pieces: this.phrasing(node.children, notes), notes });
        return;
      }
      case 'paragraph':
        this.paragraph(node);
        return;
      case 'list':
        if (this.numbered) this.items(node, 1, false);
        else this.topList(node);
        return;
      case 'blockquote':
        if (this.furniture(node)) return;
        for (const c of node.children) this.flow(c);
        return;
      case 'table':
        this.out.push({ kind: 'table', at: tableAt(node) });
        return;
      case 'code':
      case 'html':
        this.line(
          this.numbered ? { role: 'continuation', depth: 0 } : { role: 'auto' },
          [{ text: literal(node.value) }],
          [],
        );
        return;
      default:
        // Thematic breaks, link definitions, footnote definitions (read where they are referenced).
        return;
    }
  }

  private paragraph(node: Paragraph): void {
    const notes: Note[] = [];
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (only?.type === 'emphasis' && isStatusLine(plainText(this.phrasing(only.children, [])))) return;
    const number = this.boldNumber(node);
    if (number !== null) {
      const rest = this.phrasing(node.children.slice(1), notes);
      this.line({ role: 'paragraph', number }, rest, notes);
      return;
    }
    const pieces = this.phrasing(node.children, notes);
    this.line(this.numbered ? { role: 'continuation', depth: 0 } : { role: 'auto' }, pieces, notes);
  }

  /** Our export's objections and DRAFT mark are block quotes; they are governance, not text. */
  private furniture(node: Blockquote): boolean {
    const text = node.children
      .map((c) => (c.type === 'paragraph' ? plainText(this.phrasing(c.children, [])) : ''))
      .join(' ');
    return isFurniture(text);
  }

  /** Without bold numbers: each top-level item is a paragraph (or a subparagraph if labelled "(a)"). */
  private topList(list: List): void {
    for (const item of list.children) {
      let first = true;
      for (const c of item.children) {
        if (c.type === 'paragraph' && first) {
          const notes: Note[] = [];
          this.line({ role: 'auto' }, this.phrasing(c.children, notes), notes);
          this.out.push({ kind: 'anchor' });
          first = false;
        } else if (c.type === 'list') this.items(c, 1, true);
        else if (c.type === 'paragraph') {
          const notes: Note[] = [];
          this.line({ role: 'continuation', depth: 0, relative: true }, this.phrasing(c.children, notes), notes);
        } else this.flow(c);
      }
    }
  }

  /** Subparagraphs: list items at `depth`, their further paragraphs, and lists nested in them. */
  private items(list: List, depth: number, relative: boolean): void {
    for (const item of list.children) {
      let first = true;
      for (const c of item.children) {
        const notes: Note[] = [];
        if (c.type === 'list') {
          this.items(c, depth + 1, relative);
          continue;
        }
        const pieces =
          c.type === 'paragraph'
            ? this.phrasing(c.children, notes)
            : c.type === 'code' || c.type === 'html'
              ? [{ text: literal(c.value) }]
              : [];
        // A bullet list with "(a)" labels is how our export writes lettered subparagraphs.
        const place: Place = first
          ? { role: 'item', depth, ordered: list.ordered ? true : null, relative }
          : { role: 'continuation', depth, relative };
        if (first || pieces.length > 0) this.line(place, pieces, notes);
        first = false;
      }
      if (first) this.line({ role: 'item', depth, ordered: list.ordered ? true : null, relative }, [], []);
    }
  }

  private line(place: Place, pieces: Piece[], notes: Note[]): void {
    this.out.push({ kind: 'line', place, pieces, notes });
  }

  private phrasing(nodes: PhrasingContent[], notes: Note[], bold = false, italic = false): Piece[] {
    const out: Piece[] = [];
    const piece = (text: string) => out.push({ text, bold: bold || undefined, italic: italic || undefined });
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
          piece(n.value);
          break;
        case 'strong':
          out.push(...this.phrasing(n.children, notes, true, italic));
          break;
        case 'emphasis':
          out.push(...this.phrasing(n.children, notes, bold, true));
          break;
        case 'inlineCode':
        case 'html':
          piece(literal(n.value));
          break;
        case 'break':
          piece(' ');
          break;
        case 'link': {
          out.push(...this.phrasing(n.children, notes, bold, italic));
          const shown = plainText(this.phrasing(n.children, []));
          if (n.url !== '' && n.url !== shown && !n.url.startsWith('#')) piece(` (${literal(n.url)})`);
          break;
        }
        case 'linkReference':
          // `[open]` with a definition of the same name is still a bracket as typed.
          piece('[');
          out.push(...this.phrasing(n.children, notes, bold, italic));
          piece(']');
          break;
        case 'image':
        case 'imageReference':
          if (n.alt) piece(literal(n.alt));
          break;
        case 'footnoteReference': {
          const def = this.definitions.get(n.identifier);
          if (!def) break;
          const body: Piece[] = [];
          for (const c of def.children) {
            if (c.type !== 'paragraph') continue;
            if (body.length > 0) body.push({ text: ' ' });
            body.push(...this.phrasing(c.children, []));
          }
          notes.push({ kind: 'Footnote', pieces: body });
          piece(NOTE_MARK);
          break;
        }
        default:
          if ('children' in n) out.push(...this.phrasing(n.children as PhrasingContent[], notes, bold, italic));
      }
    }
    return out;
  }
}

/** Text where a bracket was never meant as a proposal (code, HTML, a link's address). */
function literal(text: string): string {
  return text.replaceAll('[', LITERAL_OPEN).replaceAll(']', LITERAL_CLOSE);
}

function tableAt(table: Table): { rows: number; columns: number; firstCell: string; line?: number } {
  const cell = table.children[0]?.children[0];
  const text = (nodes: PhrasingContent[]): string =>
    nodes
      .map((n) => ('value' in n ? String(n.value) : 'children' in n ? text(n.children as PhrasingContent[]) : ''))
      .join('');
  return {
    rows: table.children.length,
    columns: Math.max(0, ...table.children.map((r) => r.children.length)),
    firstCell: cell
      ? text(cell.children).trim().replaceAll(LITERAL_OPEN, '[').replaceAll(LITERAL_CLOSE, ']').slice(0, 60)
      : '',
    line: table.position?.start.line,
  };
}
