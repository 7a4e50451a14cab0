/**
 * Wraps text typed by people (a name, a delegation) in Unicode isolates (FSI … PDI) before it goes
 * into a translated sentence: an Arabic name in an English sentence, or the reverse, then cannot
 * reorder the punctuation and numbers around it. The string form of <bdi>.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
