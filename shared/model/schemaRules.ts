import { markNameOf } from './markKeys.js';
import { Mark, Node } from './schemaNames.js';

/**
 * The editor schema as rules over the Yjs tree, shared by the server's update guard
 * (which refuses anything else) and the client. They mirror the TipTap schema in
 * client/editor/schema and StarterKit's lists: an element may only hold the children the
 * editor can hold, and nothing nests or grows without bound, so that no stored draft can
 * break a reader (export, comparison, numbering, the editor itself).
 *
 *   root `default` > section > sectionHeading > text
 *                            > clause > paragraph > text, hardBreak
 *                                     > bulletList | orderedList > listItem > paragraph | lists …
 */
export const schemaLimits = {
  /** Lists inside lists inside a paragraph: (a), (i), then letters again; five is beyond any negotiated text. */
  listDepth: 5,
  /** Characters in one run of text (between line breaks) — a page and more; UTF-16 code units as Yjs counts them. */
  textLength: 20_000,
  /** Children of one clause, list, list item or paragraph (blocks, items, text runs and line breaks). */
  children: 1_000,
  /** Characters of a string attribute (ids, group ids, bracket fields). */
  attributeChars: 200,
  /** Characters of a bracket's proposer label ("Name (Delegation)"). */
  proposerChars: 400,
} as const;

/** Where text (an XmlText) may appear. */
export const TEXT = '#text';
/** The editor's root fragment. */
export const ROOT = '#root';

const lists = [Node.bulletList, Node.orderedList] as const;

/** Parent → the children it may hold (element names, or TEXT for a run of text). */
const childRules: Readonly<Record<string, readonly string[]>> = {
  [ROOT]: [Node.section],
  [Node.section]: [Node.sectionHeading, Node.clause],
  [Node.sectionHeading]: [TEXT],
  [Node.clause]: [Node.paragraph, ...lists],
  [Node.paragraph]: [TEXT, 'hardBreak'],
  [Node.bulletList]: [Node.listItem],
  [Node.orderedList]: [Node.listItem],
  [Node.listItem]: [Node.paragraph, ...lists],
  hardBreak: [],
};

/** Containers whose number of children is bounded (the root and sections hold a whole draft). */
const boundedChildren = new Set<string>([Node.clause, Node.paragraph, Node.listItem, ...lists]);

/** Marks a run of text may carry, by the element holding the text. */
const markRules: Readonly<Record<string, readonly string[]>> = {
  [Node.paragraph]: [Mark.bold, Mark.italic, Mark.bracket],
  [Node.sectionHeading]: [],
};

const isString = (v: unknown, max: number = schemaLimits.attributeChars): v is string =>
  typeof v === 'string' && v.length <= max;
const isNullableString = (v: unknown) => v === null || isString(v);

/** Attributes each element may carry and the shape of their values; other names are refused. */
const attributeRules: Readonly<Record<string, Readonly<Record<string, (v: unknown) => boolean>>>> = {
  [Node.section]: { id: (v) => isString(v) },
  [Node.clause]: {
    id: (v) => isString(v),
    kind: (v) => v === 'operative' || v === 'preambular',
    bis: (v) => typeof v === 'boolean',
    altGroup: isNullableString,
    bracket: (v) => v === null || isBracketValue(v),
  },
  // StarterKit's ordered list: `start` (parseInt may yield NaN) and a list-style `type`.
  [Node.orderedList]: {
    start: (v) => typeof v === 'number' && (Number.isNaN(v) || Math.abs(v) <= 1e9),
    type: (v) => v === null || isString(v, 16),
  },
};

/** A bracket's attributes as the editor writes them: {id, by, byName, at, group}. */
export function isBracketValue(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const b = v as Record<string, unknown>;
  for (const key of Object.keys(b)) if (!bracketFields.has(key)) return false;
  return (
    isString(b.id) &&
    b.id !== '' &&
    isString(b.by) &&
    isString(b.byName, schemaLimits.proposerChars) &&
    typeof b.at === 'number' &&
    Number.isFinite(b.at) &&
    (b.group === null || b.group === undefined || isString(b.group))
  );
}
const bracketFields = new Set(['id', 'by', 'byName', 'at', 'group']);

export function isList(name: string): boolean {
  return name === Node.bulletList || name === Node.orderedList;
}

/** Whether `name` is an element of the editor schema at all. */
export function isSchemaElement(name: string): boolean {
  return name !== ROOT && name !== TEXT && Object.hasOwn(childRules, name);
}

/** Why `parent` may not hold `child` (an element name or TEXT), or null. */
export function childProblem(parent: string, child: string): string | null {
  const allowed = childRules[parent];
  if (!allowed) return `${describe(parent)} cannot hold anything`;
  return allowed.includes(child) ? null : `${describe(parent)} cannot hold ${describe(child)}`;
}

/** Why `key: value` is not an attribute `element` may carry, or null. */
export function attributeProblem(element: string, key: string, value: unknown): string | null {
  const rule = attributeRules[element]?.[key];
  if (!rule) return `${describe(element)} has no attribute "${key.slice(0, 40)}"`;
  return rule(value) ? null : `malformed attribute "${key}" on ${describe(element)}`;
}

/**
 * Why a text run inside `holder` may not carry the format `key: value`, or null.
 * `null` removes a format and is always fine; bold and italic are `{}` (as the editor
 * writes them) or `true`; a bracket must have the bracket's shape.
 */
export function markProblem(holder: string, key: string, value: unknown): string | null {
  if (value === null) return null;
  const name = markNameOf(key);
  if (!(markRules[holder] ?? []).includes(name)) return `${describe(holder)} text cannot carry "${key.slice(0, 40)}"`;
  if (name === Mark.bracket) return isBracketValue(value) ? null : `malformed bracket "${key.slice(0, 40)}"`;
  const flag =
    value === true || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);
  return flag ? null : `malformed mark "${key}"`;
}

/** Whether the number of children of `element` is bounded by schemaLimits.children. */
export function hasBoundedChildren(element: string): boolean {
  return boundedChildren.has(element);
}

function describe(name: string): string {
  if (name === ROOT) return 'the draft';
  if (name === TEXT) return 'text';
  return `a ${name}`;
}
