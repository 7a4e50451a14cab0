import mammoth from 'mammoth';
import { type Proposer, parseBracketedText } from '../../shared/model/bracketText.js';
import type { Bracket, Draft, InlineRun, Paragraph, Section } from '../../shared/model/draft.js';
import { newId } from '../../shared/model/ids.js';
import { inspectZip, ZipRefused } from './zipInspection.js';

export class ImportError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** Largest upload accepted (the route refuses bigger bodies before reading them). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

interface SourceBlock {
  kind: 'heading' | 'paragraph' | 'title';
  text: string;
}

export interface ImportedDraft {
  draft: Draft;
  /** The document's own title (Word "Title" style or a leading `# ` heading of its own), if any. */
  title: string | null;
}

/**
 * A zero draft the secretariat already has: headings become sections, paragraphs and
 * list items become paragraphs, `[...]` becomes structured brackets (proposed by the
 * importer), typed numbers ("12.", "7 bis.", "PP3") are dropped because numbers are computed.
 */
export async function importDraft(file: Uint8Array, fileName: string, proposer: Proposer): Promise<ImportedDraft> {
  if (file.byteLength > MAX_IMPORT_BYTES) throw new ImportError(413, 'The file is larger than 10 MB.');
  const isZip = file[0] === 0x50 && file[1] === 0x4b;
  let blocks: SourceBlock[];
  if (/\.docx$/i.test(fileName) || isZip) blocks = await docxBlocks(file);
  else if (/\.(md|markdown|txt)$/i.test(fileName)) blocks = markdownBlocks(decodeText(file));
  else throw new ImportError(400, 'Import a Word document (.docx) or a Markdown file (.md).');
  const title = blocks.find((b) => b.kind === 'title')?.text ?? null;
  const draft = toDraft(
    blocks.filter((b) => b.kind !== 'title'),
    proposer,
  );
  if (draft.sections.every((s) => s.paragraphs.length === 0)) {
    throw new ImportError(400, 'The file has no paragraphs to import.');
  }
  return { draft, title };
}

function decodeText(file: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file).replace(/^\uFEFF/, '');
  } catch {
    throw new ImportError(400, 'The Markdown file is not UTF-8 text.');
  }
}

/** Word styles that are not negotiating text: our own export's title and status lines. */
const styleMap = [
  "p[style-name='Title'] => p.accord-title:fresh",
  "p[style-name='Paragraph Status'] => p.accord-skip:fresh",
  "p[style-name='Subtitle'] => p.accord-skip:fresh",
];

async function docxBlocks(file: Uint8Array): Promise<SourceBlock[]> {
  // Sizes are checked, and every entry inflated into nothing with a cap, before mammoth reads anything.
  let names: string[];
  try {
    names = inspectZip(file).map((e) => e.name);
  } catch (err) {
    if (!(err instanceof ZipRefused)) throw err;
    if (err.reason === 'bomb') throw new ImportError(400, `The file looks like a zip bomb: ${err.message}.`);
    throw new ImportError(400, `This is not a Word document (.docx): ${err.message}.`);
  }
  if (!names.includes('word/document.xml')) {
    throw new ImportError(400, 'This is not a Word document (.docx): word/document.xml is missing.');
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(file.buffer, file.byteOffset, file.byteLength) },
      {
        styleMap,
        // Images are not negotiating text: do not spend memory encoding them as data URIs.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch {
    throw new ImportError(400, 'The Word document could not be read.');
  }
  return htmlBlocks(html);
}

const blockTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li']);

/**
 * Blocks from mammoth's HTML (well-formed, escaped, no scripts): headings, paragraphs and list
 * items, nested list items separately. Footnote references and the footnote list are left out:
 * their "[1]" markers must not become brackets.
 */
export function htmlBlocks(html: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const open: { kind: SourceBlock['kind'] | 'skip'; text: string }[] = [];
  /** Depth inside a footnote reference or body being skipped; 0 when not skipping. */
  let skip = 0;
  const flush = () => {
    const top = open[open.length - 1];
    if (!top) return;
    // Tabs stay until the typed number is recognised ("7\tText" is how our DOCX export numbers).
    const text = decodeEntities(top.text)
      .replace(/[^\S\t]+/g, ' ')
      .trim();
    if (text !== '' && top.kind !== 'skip') blocks.push({ kind: top.kind, text });
    top.text = '';
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/g)) {
    const [, slash, tag = '', attrs = '', text] = m;
    const closing = slash === '/';
    const selfClosing = attrs.endsWith('/') || tag === 'br' || tag === 'img' || tag === 'hr';
    if (skip > 0) {
      if (text === undefined && !selfClosing) skip += closing ? -1 : 1;
      continue;
    }
    if (text !== undefined) {
      const top = open[open.length - 1];
      if (top) top.text += text;
      continue;
    }
    if (!closing && !selfClosing && /(?:id|href)="#?(?:footnote|endnote|comment)-/.test(attrs)) {
      skip = 1;
      continue;
    }
    if (tag === 'br') {
      const top = open[open.length - 1];
      if (top) top.text += ' ';
      continue;
    }
    if (!blockTags.has(tag)) continue;
    flush(); // a list nested in a list item: the item's own text comes first
    if (closing) {
      open.pop();
      continue;
    }
    const cls = /class="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const kind = tag.startsWith('h')
      ? 'heading'
      : cls.includes('accord-title')
        ? 'title'
        : cls.includes('accord-skip')
          ? 'skip'
          : 'paragraph';
    open.push({ kind, text: '' });
  }
  return blocks;
}

/** `#` headings are sections; blank lines separate paragraphs; each list item is a paragraph. */
export function markdownBlocks(source: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) blocks.push({ kind: 'paragraph', text: pending.join(' ').trim() });
    pending = [];
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    const bullet = /^[-*+]\s+(.*)$/.exec(line);
    // A bold number opening a paragraph is how numbers are written in Markdown (ours included): not text.
    const numbered = /^\*\*((?:PP)?\d{1,3}(?: [a-z]+)?(?: \\?\(Option \d+\\?\))?)\*\*\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: stripMarkdown(heading[1] ?? '') });
    } else if (line === '') flush();
    else if (/^(?:-{3,}|\*{3,}|_{3,})$/.test(line)) flush();
    else if (numbered) {
      flush();
      pending.push(`${stripMarkdown(numbered[1] ?? '')}\t${stripMarkdown(numbered[2] ?? '')}`);
    } else if (bullet) {
      flush();
      pending.push(stripMarkdown(bullet[1] ?? ''));
    } else if (/^\d+[.)]\s/.test(line)) {
      flush();
      pending.push(stripMarkdown(line));
    } else pending.push(stripMarkdown(line.replace(/^>\s?/, '')));
  }
  flush();
  return blocks.filter((b) => b.text !== '');
}

/** Emphasis markers go; escaped brackets `\[` stay literal text (private-use stand-ins while parsing). */
function stripMarkdown(s: string): string {
  return decodeEntities(
    s
      .replace(/\\\[/g, '\uE000')
      .replace(/\\\]/g, '\uE001')
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[^\\*])\*(?=\S)([^*]*?\S)\*/g, '$1$2')
      .replace(/(^|\W)_(?=\S)([^_]*?\S)_(?=\W|$)/g, '$1$2')
      .replace(/\\([\\`*_{}()#+\-.!|<>~=&])/g, '$1'),
  );
}

const latin = 'bis|ter|quater|quinquies|sexies|septies|octies|novies|decies';
/**
 * A number typed at the start of a paragraph: "12.", "12)", "7 bis.", "PP3", a number and a
 * tab (as our own DOCX export writes it), possibly "3 (Option 2)" for a whole-paragraph
 * alternative. "2030 Agenda" or "1.5 °C" are text, not numbers.
 */
const typedNumber = new RegExp(`^(PP\\s*)?\\d{1,3}(?:\\s+(${latin}))?(?:\\s+\\(Option (\\d+)\\))?`, 'i');

interface TypedNumber {
  /** "3", "7 bis", "PP2" without the option label; '' when none was typed. */
  number: string;
  rest: string;
  bis: boolean;
  option: number | null;
}

function typedNumberOf(text: string): TypedNumber {
  const m = typedNumber.exec(text);
  // After the number: "." or ")" and a space, or a tab; "PP3" needs only a space (it cannot be text).
  const end = m
    ? (/^(?:[.)]\s+|\t\s*)/.exec(text.slice(m[0].length)) ?? (m[1] ? /^\s+/.exec(text.slice(m[0].length)) : null))
    : null;
  if (!m || !end) return { number: '', rest: text, bis: false, option: null };
  return {
    number: m[0].replace(/\s*\(Option \d+\)$/i, '').replace(/\s+/g, ' '),
    rest: text.slice(m[0].length + end[0].length),
    bis: m[2] !== undefined,
    option: m[3] ? Number(m[3]) : null,
  };
}

function toDraft(blocks: SourceBlock[], proposer: Proposer): Draft {
  const sections: Section[] = [];
  let current: Section | null = null;
  let lastAlternative: { number: string; group: string } | null = null;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      current = { id: newId('s'), heading: restore(b.text), paragraphs: [] };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { id: newId('s'), heading: 'Introduction', paragraphs: [] };
      sections.push(current);
    }
    const typed = typedNumberOf(b.text);
    const text = typed.rest.replace(/\t/g, ' ');
    if (text.trim() === '') continue;
    // "3 (Option 1)", "3 (Option 2)": the options of one whole-paragraph alternative share a group.
    let altGroup: string | null = null;
    if (typed.option !== null) {
      if (typed.option === 1 || lastAlternative?.number !== typed.number) {
        lastAlternative = { number: typed.number, group: newId('alt') };
      }
      altGroup = lastAlternative.group;
    }
    const runs = labelledOptions(parseBracketedText(text, proposer)).map((r) => ({ ...r, text: restore(r.text) }));
    const p: Paragraph = {
      id: newId('p'),
      kind: /preamb/i.test(current.heading) || /^PP\s*\d/i.test(b.text) ? 'preambular' : 'operative',
      bis: typed.bis,
      altGroup,
      bracket: null,
      blocks: [{ type: 'text', runs }],
    };
    current.paragraphs.push(p);
  }
  // Headings with nothing under them (a cover page, a title typed as a heading) are not sections.
  return { sections: sections.filter((s) => s.paragraphs.length > 0) };
}

/**
 * "[Option 1: should][Option 2: shall]", as our exports and the UN practice print an inline
 * alternative, becomes one alternative: the labels go (they are computed) and the adjacent
 * option brackets share a group. A bracket whose text does not start with "Option n:" is plain.
 */
export function labelledOptions(runs: InlineRun[]): InlineRun[] {
  const label = /^Option (\d+):\s*/;
  let group: { bracket: Bracket; run: InlineRun; labelLength: number }[] = [];
  let previousTop: Bracket | null = null;
  const close = () => {
    // A lone "Option 1:" is not an alternative: its text stays as typed.
    if (group.length > 1) {
      const id = newId('g');
      for (const o of group) {
        o.bracket.group = id;
        o.run.text = o.run.text.slice(o.labelLength);
      }
    }
    group = [];
  };
  for (const run of runs) {
    const top = run.brackets[0] ?? null;
    if (top === null) {
      // Only spaces may stand between the options of one alternative.
      if (run.text.trim() !== '') close();
      previousTop = null;
      continue;
    }
    if (top === previousTop) continue;
    previousTop = top;
    const m = run.brackets.length === 1 ? label.exec(run.text) : null;
    if (!m) {
      close();
      continue;
    }
    if (m[1] === '1') close();
    group.push({ bracket: top, run, labelLength: m[0].length });
  }
  close();
  return runs.filter((r) => r.text !== '');
}

function restore(s: string): string {
  return s.replace(/\uE000/g, '[').replace(/\uE001/g, ']');
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x([0-9a-f]{1,6});/gi, (m, n: string) => codePoint(Number.parseInt(n, 16), m))
    .replace(/&#(\d{1,7});/g, (m, n: string) => codePoint(Number(n), m))
    .replace(/&amp;/g, '&');
}

const codePoint = (n: number, literal: string): string => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : literal);
