import { latinSuffix } from '../../shared/model/numbering.js';
import { firstGroup, insertedOrdinal, insertedSuffix, paragraphOption } from './exportLabels.js';

/**
 * A paragraph number as printed in any of the six languages: "12", "7 bis", "PP3", "3 (Option 2)",
 * "PP2 ter (Option 1)", "7 مكرراً", "7之二", "3 (option 2)", "3（备选案文2）".
 */
const start = /^(PP\s*)?(\d{1,4})/i;
const suffix = new RegExp(`^\\s*(${insertedSuffix})`, 'i');
const option = new RegExp(`^\\s*(?:${paragraphOption})`, 'i');
const prefix = new RegExp(`^((?:PP\\s*)?\\d{1,4}(?:\\s*(?:${insertedSuffix}))?(?:\\s*(?:${paragraphOption}))?)`, 'i');

export interface TypedNumber {
  /** "3", "7 bis", "PP2", without the option label. */
  number: string;
  preambular: boolean;
  bis: boolean;
  option: number | null;
}

export function parseNumber(text: string): TypedNumber | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = start.exec(t);
  if (!m) return null;
  let rest = t.slice(m[0].length);
  const s = suffix.exec(rest);
  const k = s ? insertedOrdinal(s[1]!) : null;
  if (s) rest = rest.slice(s[0].length);
  const o = option.exec(rest);
  if (o) rest = rest.slice(o[0].length);
  if (rest.trim() !== '') return null;
  const optionNumber = o ? firstGroup(o) : undefined;
  // The number in the model's own (language-neutral) form: "7 bis", whatever language printed it.
  return {
    number: `${m[1] ? 'PP' : ''}${m[2]}${k ? ` ${latinSuffix(k)}` : ''}`,
    preambular: m[1] !== undefined,
    bis: k !== null,
    option: optionNumber ? Number(optionNumber) : null,
  };
}

/**
 * A number typed at the start of a paragraph: "12." or "12)" and a space, a number and a tab (as our
 * DOCX export writes it), "PP3" and a space. "2030 Agenda" or "1.5 °C" are text, not numbers.
 */
export function typedNumberAt(text: string): { number: TypedNumber; length: number } | null {
  const m = prefix.exec(text);
  if (!m) return null;
  const after = text.slice(m[0].length);
  const end = /^(?:[.)][^\S\n]+|\t[^\S\n]*)/.exec(after) ?? (/^PP/i.test(m[0]) ? /^[^\S\n]+/.exec(after) : null);
  const parsed = parseNumber(m[1]!);
  if (!end || !parsed) return null;
  return { number: parsed, length: m[0].length + end[0].length };
}

/** A subparagraph label typed at the start of a line: "(a)", "(iv)", "•", then a tab or spaces. */
export function typedLabelAt(text: string): { label: string; length: number } | null {
  const m = /^(\([a-z]{1,4}\)|•)(?:\t[^\S\n]*|[^\S\n]+)/.exec(text);
  return m ? { label: m[1]!, length: m[0].length } : null;
}

const romanLabel = /^\((?:i{1,3}|iv|v|vi{1,3}|ix|x|xi{1,3}|xiv|xv)\)$/;

export function isRoman(label: string): boolean {
  return romanLabel.test(label);
}
