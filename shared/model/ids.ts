const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A random id like `p-3k9x0q2m1z7f` (12 base-36 characters, about 62 bits): enough that
 * two clients creating paragraphs concurrently never pick the same id. Works in the
 * browser and in Node (Web Crypto is global in both).
 */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) id += alphabet[b % 36];
  return `${prefix}-${id}`;
}
