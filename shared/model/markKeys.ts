import * as buf from 'lib0/buffer';
import * as sha256 from 'lib0/hash/sha256';

/**
 * The editor binding (y-tiptap) stores a mark that may overlap itself — our nestable
 * `bracket` — as the text attribute `bracket--<hash of the mark's JSON>`, and any other
 * mark under its plain name. Writing the same keys keeps server-written text (demo,
 * import) identical to what an editor would have written, so it is never rewritten.
 */
export function overlappingMarkKey(type: string, attrs: Record<string, unknown>): string {
  const digest = sha256.digest(buf.encodeAny({ type, attrs }));
  const n = 6;
  for (let i = n; i < digest.length; i++) digest[i % n] = digest[i % n]! ^ digest[i]!;
  return `${type}--${buf.toBase64(digest.slice(0, n))}`;
}

/** `bracket--abc` → `bracket`; `bold` → `bold`. */
export function markNameOf(key: string): string {
  const i = key.indexOf('--');
  return i < 0 ? key : key.slice(0, i);
}
