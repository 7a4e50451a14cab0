import type { BlockContent, Definition, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { type Handle, toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import { toString as mdastText } from 'mdast-util-to-string';
import { parseNumber } from '../import/typedNumbers.js';
import type { ExportVocabulary } from './exportVocabulary.js';
import { heading, openText, paragraphLabel, type Report, type ReportLine, type Token } from './reportModel.js';

/**
 * A structural bracket of the negotiating text, written as a bare `[` / `]` (`[Option 1: ` for an
 * option). Every bracket typed _as text_ is escaped (`\[`), so a reader, a renderer and our own
 * importer tell the two apart: bare brackets are proposals, escaped ones are literal characters.
 */
interface AccordBracket {
  type: 'accordBracket';
  value: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    accordBracket: AccordBracket;
  }
  interface RootContentMap {
    accordBracket: AccordBracket;
  }
}

const write = (node: AccordBracket) => node.value;
/** `peek` tells the neighbouring text what follows it, so that it escapes `!` before `[` and the like. */
const bracketHandle: Handle = Object.assign(write, { peek: write });

/**
 * What the default escaping does not cover once bare brackets are structure: a literal `]` is
 * escaped too (it would close a bare `[`), and so is a `:` after a bare `]` (`[x]: y` at the start
 * of a block would be a link definition). `(` after `]` and `!` before `[` are escaped by default.
 */
const unsafe: Unsafe[] = [
  { character: ']', inConstruct: 'phrasing', notInConstruct: ['autolink', 'destinationLiteral', 'destinationRaw'] },
  { character: ':', before: '\\]', inConstruct: 'phrasing' },
];

/**
 * Text as mdast-util-to-markdown writes it, except that a `<` that could open HTML is written as
 * `&#x3C;` rather than `\<`: the file never holds a literal `<script`, even for a viewer that
 * ignores backslash escapes.
 */
const textHandle: Handle = (node: { value: string }, _, state, info) =>
  state.safe(node.value, { ...info, encode: ['<'] });

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const bracket = (value: string): PhrasingContent => ({ type: 'accordBracket', value });

function phrasing(tokens: Token[], w: ExportVocabulary): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const t of tokens) {
    if (t.t === 'open') out.push(bracket(openText(t, w)));
    else if (t.t === 'close') out.push(bracket(']'));
    else {
      // A hard break inside the text is a Markdown hard break, not a new paragraph.
      const parts: PhrasingContent[] = t.text
        .split('\n')
        .flatMap((s, i) => (i > 0 ? [{ type: 'break' }, text(s)] : [text(s)]));
      let node: PhrasingContent[] = parts.filter((n) => n.type !== 'text' || n.value !== '');
      if (t.italic) node = [{ type: 'emphasis', children: node as never }];
      if (t.bold) node = [{ type: 'strong', children: node as never }];
      out.push(...node);
    }
  }
  return out;
}

/**
 * Subparagraphs are list items whose text starts with their label: CommonMark has no lettered
 * lists, and "(a)" must read the same as in every other format. Bullet items carry no label.
 */
function subparagraphs(lines: ReportLine[], w: ExportVocabulary): BlockContent[] {
  const blocks: BlockContent[] = [];
  /** Open lists, outermost first: lists[d - 1] holds the items at depth d. */
  const lists: List[] = [];
  const paragraphOf = (l: ReportLine): Paragraph => {
    const children = phrasing(l.tokens, w);
    if (l.label === '•') escapeLabelLike(children);
    if (l.depth === 0) escapeNumberLike(children);
    return { type: 'paragraph', children: [...(l.label && l.label !== '•' ? [text(`${l.label} `)] : []), ...children] };
  };
  for (const l of lines) {
    if (l.depth === 0) {
      lists.length = 0;
      blocks.push(paragraphOf(l));
      continue;
    }
    lists.length = Math.min(lists.length, l.depth);
    if (l.label === null && lists.length >= l.depth) {
      // A further text block of the same subparagraph: a second paragraph in its item.
      const item = lists[l.depth - 1]!.children.at(-1)!;
      item.children.push(paragraphOf(l));
      item.spread = true;
      continue;
    }
    while (lists.length < l.depth) {
      const list: List = { type: 'list', ordered: false, spread: false, children: [] };
      const parent = lists.at(-1)?.children.at(-1);
      if (parent) parent.children.push(list);
      else blocks.push(list);
      lists.push(list);
      if (lists.length < l.depth) list.children.push({ type: 'listItem', spread: false, children: [] });
    }
    const item: ListItem = { type: 'listItem', spread: false, children: [paragraphOf(l)] };
    lists[l.depth - 1]!.children.push(item);
  }
  return blocks;
}

/**
 * A bullet item carries no label, so text of its own that starts like one ("(i) …") would read back
 * as a lettered item: its "(" is escaped, which our importer keeps as text.
 */
function escapeLabelLike(children: PhrasingContent[]): void {
  const first = children[0];
  if (!first) return;
  if (first.type === 'strong' || first.type === 'emphasis') {
    escapeLabelLike(first.children);
    return;
  }
  if (first.type === 'text' && /^\([a-z]{1,4}\)(?:\s|$)/.test(first.value)) {
    first.value = first.value.slice(1);
    children.unshift(bracket('\\('));
  }
}

/**
 * A further text block of a paragraph that opens with a bold number ("**2030** Agenda") would read
 * back as a new numbered paragraph: its first digit is written as a character reference, which our
 * importer never takes for a number.
 */
function escapeNumberLike(children: PhrasingContent[]): void {
  const first = children[0];
  if (first?.type !== 'strong' || parseNumber(mdastText(first).trim()) === null) return;
  // The number may sit deeper than the bold ("**_2030_**"): escape the first character of the
  // first text, wherever it is, as the importer reads the bold's whole text.
  let parent: { children: PhrasingContent[] } = first;
  let leaf = parent.children[0];
  while (leaf && leaf.type !== 'text' && 'children' in leaf && leaf.children.length > 0) {
    parent = leaf as { children: PhrasingContent[] };
    leaf = parent.children[0];
  }
  if (leaf?.type !== 'text' || leaf.value === '') return;
  const c = leaf.value.codePointAt(0)!;
  leaf.value = leaf.value.slice(String.fromCodePoint(c).length);
  parent.children.unshift(bracket(`&#x${c.toString(16).toUpperCase()};`));
}

/** Puts the whole-paragraph closing bracket after the paragraph's last text, however deep it is. */
function appendToLast(blocks: (BlockContent | RootContent)[], closing: PhrasingContent[]): boolean {
  if (closing.length === 0) return true;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.type === 'paragraph') {
      b.children.push(...closing);
      return true;
    }
    if (b.type === 'list' && appendToLast(b.children.at(-1)?.children ?? [], closing)) return true;
  }
  return false;
}

/**
 * Markdown built as a syntax tree (mdast) and written by mdast-util-to-markdown, so emphasis,
 * escaping and list structure are correct by construction in any CommonMark renderer. Each
 * paragraph starts with its number in bold; the status is an emphasised line below it; standing
 * objections are block quotes. Our importer reads this shape back (server/import/markdownBlocks.ts).
 */
export function exportMarkdown(r: Report): string {
  const w = r.words;
  const root: Root = { type: 'root', children: [] };
  const push = (...nodes: RootContent[]) => root.children.push(...nodes);
  // Markdown has no language attribute: a link reference definition declares it, which no CommonMark
  // renderer shows (with or without HTML enabled) and our importer skips; YAML front matter would
  // render as a rule and a heading, an HTML comment as text where HTML is off.
  push(markdownLanguageDefinition(r));
  push({ type: 'heading', depth: 1, children: [text(r.title)] });
  push({ type: 'paragraph', children: [text(heading(r, 'iso').join(' · '))] });
  if (r.draftMark) {
    push({
      type: 'blockquote',
      children: [{ type: 'paragraph', children: [{ type: 'strong', children: [text(w.draftMark)] }] }],
    });
  }
  for (const s of r.sections) {
    push({ type: 'heading', depth: 2, children: [text(s.heading)] });
    for (const p of s.paragraphs) {
      // The number opens the paragraph's first text; a paragraph that starts with a list has it alone.
      const first = p.lines[0]?.depth === 0 ? p.lines[0] : undefined;
      const rest = first ? p.lines.slice(1) : p.lines;
      const lead: PhrasingContent[] = [{ type: 'strong', children: [text(paragraphLabel(p))] }, text(' ')];
      if (p.bracketed) lead.push(bracket('['));
      push({ type: 'paragraph', children: [...lead, ...(first ? phrasing(first.tokens, w) : [])] });
      const blocks = subparagraphs(rest, w);
      push(...blocks);
      if (p.bracketed) appendToLast(root.children, [bracket(']')]);
      if (r.variant === 'negotiating') {
        push({
          type: 'paragraph',
          children: [{ type: 'emphasis', children: [text(p.statusLine)] }],
        });
      }
      for (const o of p.objections) {
        push({
          type: 'blockquote',
          children: [{ type: 'paragraph', children: [text(w.objection(o.author, o.reason))] }],
        });
      }
    }
  }
  const shield = shieldAstral(root);
  const markdown = toMarkdown(root, {
    handlers: { accordBracket: bracketHandle, text: textHandle },
    unsafe,
    bullet: '-',
    emphasis: '*',
    strong: '*',
    listItemIndent: 'one',
  });
  return shield.restore(markdown);
}

/** `[//]: # "lang: ar; dir: rtl"`: the file's language and direction, first in the file. */
export function markdownLanguageDefinition(r: Pick<Report, 'language' | 'words'>): Definition {
  return {
    type: 'definition',
    identifier: '//',
    label: '//',
    url: '#',
    title: `lang: ${r.language}; dir: ${r.words.direction}`,
  };
}

/**
 * mdast-util-to-markdown decides whether emphasis needs encoded neighbours from one UTF-16 unit
 * (syntax-tree/mdast-util-to-markdown#68): next to an emoji (a surrogate pair, a symbol for
 * CommonMark) it writes `*🌍*States`, which is not emphasis. Characters beyond the BMP are swapped
 * for unused BMP stand-ins of the same class (symbol or letter) while serialising, then swapped back
 * (a symbol next to an emphasis marker as a character reference, which every parser reads alike).
 */
function shieldAstral(root: Root): { restore: (markdown: string) => string } {
  const texts: { value: string }[] = [];
  const visit = (node: { type: string; value?: unknown; children?: unknown[] }) => {
    if (node.type === 'text' && typeof node.value === 'string') texts.push(node as { value: string });
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(root as never);
  const used = new Set(texts.flatMap((t) => [...t.value]));
  const pools = { symbol: { next: 0x2800, end: 0x28ff }, letter: { next: 0xa000, end: 0xa48c } };
  const standIn = new Map<string, string>();
  const take = (pool: { next: number; end: number }): string | null => {
    while (pool.next <= pool.end) {
      const c = String.fromCodePoint(pool.next++);
      if (!used.has(c)) return c;
    }
    return null;
  };
  for (const t of texts) {
    t.value = t.value.replace(/[\u{10000}-\u{10FFFF}]/gu, (c) => {
      let s = standIn.get(c);
      if (s === undefined) {
        s = take(/\p{P}|\p{S}/u.test(c) ? pools.symbol : pools.letter) ?? c;
        standIn.set(c, s);
      }
      return s;
    });
  }
  const back = new Map([...standIn].filter(([c, s]) => c !== s).map(([c, s]) => [s, c]));
  if (back.size === 0) return { restore: (m) => m };
  const hex = (c: string) => c.codePointAt(0)!.toString(16).toUpperCase();
  const refs = new Map([...back].map(([s, c]) => [`&#x${hex(s)};`, `&#x${hex(c)};`]));
  // Keys are `&#x…;` and Braille or Yi characters: nothing a regular expression treats specially.
  const pattern = new RegExp([...refs.keys(), ...back.keys()].join('|'), 'gu');
  // A symbol right next to `*` or `_` is written as a character reference: parsers that read one
  // UTF-16 unit there (micromark too) would otherwise take an emoji for a letter and miss the emphasis.
  const symbol = (k: string) => /\p{P}|\p{S}/u.test(back.get(k) ?? '');
  return {
    restore: (m) =>
      m.replace(pattern, (k, offset: number) => {
        if (refs.has(k)) return refs.get(k)!;
        const c = back.get(k) ?? k;
        const edge = /[*_]/.test(m[offset - 1] ?? '') || /[*_]/.test(m[offset + k.length] ?? '');
        return edge && symbol(k) ? `&#x${hex(c)};` : c;
      }),
  };
}
