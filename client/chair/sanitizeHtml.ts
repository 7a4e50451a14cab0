/**
 * The comparison comes from our own server, already escaped; this is belt and braces
 * before it goes into the page: no scripts, frames, styles or event-handler attributes.
 */
export function sanitizeHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
  for (const el of doc.querySelectorAll('script, style, iframe, object, embed, link, meta, form')) el.remove();
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith('on') || value.startsWith('javascript:')) el.removeAttribute(attr.name);
    }
  }
  return doc.body.firstElementChild?.innerHTML ?? '';
}
