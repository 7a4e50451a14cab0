import { readFileSync, writeFileSync } from 'node:fs';
import { launchBrowser } from '../tests/support/browser.js';

/**
 * Renders client/public/icon.svg to the PNG icons of the web manifest and to favicon.ico
 * (PNG entries in an ICO container, which every current browser reads), with Chromium, so
 * the icons need no image tool. Run after changing the SVG: `npx tsx scripts/makeIcons.ts`.
 */
const dir = new URL('../client/public/', import.meta.url);
const svg = readFileSync(new URL('icon.svg', dir), 'utf8');
const browser = await launchBrowser();
const png = async (size: number): Promise<Buffer> => {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  const shot = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return shot;
};
try {
  writeFileSync(new URL('icon-192.png', dir), await png(192));
  writeFileSync(new URL('icon-512.png', dir), await png(512));
  const sizes = [16, 32, 48];
  const images = await Promise.all(sizes.map(png));
  // ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the PNG data.
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.byteLength;
  images.forEach((img, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(sizes[i] as number, e);
    header.writeUInt8(sizes[i] as number, e + 1);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(img.byteLength, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += img.byteLength;
  });
  writeFileSync(new URL('favicon.ico', dir), Buffer.concat([header, ...images]));
} finally {
  await browser.close();
}
