/** Text that could be markup comes out as text: `<script>`, `&`, quotes. */
export function escapeXml(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      // Characters XML 1.0 forbids (control characters) would make the file unreadable.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
  );
}

/**
 * Markdown punctuation that would otherwise format, link or embed HTML. Every line we
 * write starts with our own markup (heading, bold number, label), so line-start
 * characters such as `1.` or `-` in the text cannot start a list and stay unescaped;
 * only a line break inside the text (a hard break) starts a line with text, so there
 * list, heading-underline and ordered-list markers are escaped too.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_{}[\]#|<>&~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/\n([ \t]*)([-+=]|\d+(?=[.)]))/g, (_, space: string, marker: string) =>
      /\d/.test(marker) ? `\n${space}${marker}\\` : `\n${space}\\${marker}`,
    );
}
