import { markNameOf } from '../../shared/model/markKeys.js';
import { Mark } from '../../shared/model/schemaNames.js';

const isString = (v: unknown, max = 200) => typeof v === 'string' && v.length <= max;
const isBracket = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as Record<string, unknown>;
  return (
    isString(b.id) &&
    isString(b.by) &&
    isString(b.byName, 400) &&
    typeof b.at === 'number' &&
    (b.group === null || b.group === undefined || isString(b.group))
  );
};

/**
 * Shapes of the attributes the editor schema gives meaning to. A modified client could
 * write `kind: 42` or a bracket without a proposer; such data would reach every editor,
 * so the update carrying it is refused (and logged) instead. Other attribute names are
 * left alone: TipTap extensions may add their own.
 */
const elementAttributes: Record<string, (v: unknown) => boolean> = {
  id: (v) => isString(v, 100),
  kind: (v) => v === 'operative' || v === 'preambular',
  bis: (v) => typeof v === 'boolean',
  altGroup: (v) => v === null || isString(v, 100),
  bracket: (v) => v === null || isBracket(v),
};

/** The attribute key whose value is malformed, or null. */
export function malformedAttribute(key: string, value: unknown): string | null {
  const rule = elementAttributes[key];
  return rule && !rule(value) ? key : null;
}

/** A text format (mark) whose value is malformed, or null. A null value removes the mark and is always fine. */
export function malformedMark(key: string, value: unknown): string | null {
  if (value === null) return null;
  return markNameOf(key) === Mark.bracket && !isBracket(value) ? key : null;
}
