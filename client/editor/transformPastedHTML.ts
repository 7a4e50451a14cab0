/**
 * Word and web pages paste a lot besides text: conditional comments (`<!--[if gte mso 9]>`),
 * <style> blocks whose CSS would otherwise arrive as text, scripts, XML islands. The
 * schema already drops unknown elements and attributes; this removes what the schema
 * would turn into stray text.
 */
export function transformPastedHTML(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|xml|template|title|head|meta|link|o:p)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(meta|link|o:p)\b[^>]*\/?>/gi, '');
}
