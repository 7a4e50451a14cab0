import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestServer, type TestServer } from '../support/testServer.js';

const CLIENT = new URL('../../dist/client/', import.meta.url);
const assets = () => readdirSync(new URL('assets/', CLIENT));

/** Static files as a browser and a cache see them; needs the client build (`npm run build`). */
describe('static assets', () => {
  let server: TestServer;
  let entry: string;

  beforeAll(async () => {
    if (!existsSync(new URL('index.html', CLIENT))) throw new Error('dist/client is missing: run `npm run build`');
    server = await startTestServer();
    const html = readFileSync(new URL('index.html', CLIENT), 'utf8');
    entry = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    expect(entry).not.toBe('');
  });
  afterAll(async () => {
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  const get = (path: string, encoding?: string) =>
    fetch(`${server.url}${path}`, { headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends hashed assets compressed (Brotli, gzip) with an immutable cache lifetime', async () => {
    const plain = readFileSync(new URL(`.${entry}`, CLIENT));
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const res = await get(entry, `${encoding}, deflate`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('vary')).toContain('Accept-Encoding');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      const wire = Buffer.from(await res.arrayBuffer());
      // fetch leaves the body encoded only if asked not to decode; undici decodes it, so compare both ways.
      const body = wire.equals(plain) ? wire : decode(wire);
      expect(body.equals(plain)).toBe(true);
      expect(Number(res.headers.get('content-length'))).toBeLessThan(plain.byteLength / 2);
    }
    const identity = await get(entry, 'identity');
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await identity.arrayBuffer()).equals(plain)).toBe(true);
  });

  it('answers 404, not the app, for a missing asset or any missing file', async () => {
    for (const path of ['/assets/index-deadbeef.js', '/assets/nothing.css', '/missing.png', '/d/x/app.js']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).not.toContain('text/html');
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('serves no source map, and the bundle does not point to one', async () => {
    const maps = assets().filter((f) => f.endsWith('.map'));
    for (const map of maps) expect((await get(`/assets/${map}`)).status, map).toBe(404);
    for (const js of assets().filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(new URL(`assets/${js}`, CLIENT), 'utf8'), js).not.toContain('sourceMappingURL');
    }
  });

  it('serves the favicon, robots.txt, a web manifest and its icons', async () => {
    const ico = await get('/favicon.ico');
    expect(ico.status).toBe(200);
    const bytes = Buffer.from(await ico.arrayBuffer());
    // ICONDIR: reserved 0, type 1 (icon), at least one image.
    expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
    expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);

    const robots = await get('/robots.txt');
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await robots.text()).split('\n')).toContain('Disallow: /');

    const manifestRes = await get('/manifest.webmanifest');
    expect(manifestRes.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await manifestRes.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: Array<{ src: string; sizes: string; type: string }>;
    };
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const res = await get(icon.src);
      expect(res.status, icon.src).toBe(200);
      expect(res.headers.get('content-type')?.split(';')[0], icon.src).toBe(icon.type);
      if (icon.type === 'image/png') {
        const png = Buffer.from(await res.arrayBuffer());
        const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
        expect(`${w}x${h}`).toBe(icon.sizes);
      }
    }
    const html = await (await get('/')).text();
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    expect(html).toContain('href="/favicon.ico"');
  });

  it('answers client routes with the app, revalidated on every visit', async () => {
    for (const path of ['/', '/d/some-draft', '/invite/abc', '/d/some-draft/compare']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(await res.text(), path).toContain('<div id="root">');
    }
  });

  it('splits the bundle: the entry does not contain the editor, which is a chunk of its own', async () => {
    const entrySource = readFileSync(new URL(`.${entry}`, CLIENT), 'utf8');
    expect(entrySource).not.toContain('ProseMirror');
    const chunks = assets().filter((f) => f.endsWith('.js') && `/assets/${f}` !== entry);
    const editorChunk = chunks.find((f) =>
      readFileSync(new URL(`assets/${f}`, CLIENT), 'utf8').includes('ProseMirror'),
    );
    expect(editorChunk).toBeDefined();
  });
});
