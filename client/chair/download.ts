import { ensureOk } from '../api/apiClient';

/**
 * Downloads a file from the API through fetch rather than a plain link, so that a refusal
 * (e.g. 409 "not everything is agreed" for the clean report) is shown as a message
 * instead of replacing the page with JSON.
 */
export async function download(url: string, fallbackName: string): Promise<void> {
  const res = await ensureOk(await fetch(url, { credentials: 'same-origin' }));
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
