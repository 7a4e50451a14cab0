import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../http/context.js';

/** Vite puts a content hash in every file name under /assets: such a file never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Icons, manifest, robots.txt keep their names across releases: browsers revalidate daily. */
const ROOT_FILE = 'public, max-age=86400';
/** The app's HTML names the current hashed bundle, so it is revalidated on every visit. */
const HTML = 'no-cache';

/** Files Vite copies from client/public to the root of dist/client. */
const ROOT_FILES = [
  '/favicon.ico',
  '/icon.svg',
  '/icon-192.png',
  '/icon-512.png',
  '/robots.txt',
  '/manifest.webmanifest',
];

/**
 * Where the built client is: dist/client next to the bundled server (dist/server/main.js),
 * or under the repository root when the server runs from source (server/ops/ with tsx).
 */
export function findClientDir(): string | null {
  const here = import.meta.dirname;
  for (const dir of [resolve(here, '../client'), resolve(here, '../../dist/client')]) {
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return null;
}

/**
 * The single-page app: hashed assets (precompressed Brotli/gzip from the build, cached forever),
 * a few fixed root files, and index.html for every client route. A request for a file that does
 * not exist is a 404, never the app's HTML (a stale bundle name would otherwise load HTML as
 * JavaScript). Source maps are not served: they are built ("hidden") for our own debugging only.
 */
export function serveClient(app: Hono<AppEnv>, clientDir: string | null): void {
  if (!clientDir) {
    app.get('*', (c) => c.text('The client is not built: run `npm run build`.', 503));
    return;
  }
  const index = readFileSync(join(clientDir, 'index.html'), 'utf8');
  const notFound = (c: Context) => c.text('Not found', 404, { 'Cache-Control': 'no-store' });

  app.get('/assets/*', async (c, next) => {
    if (c.req.path.endsWith('.map')) return notFound(c);
    c.header('Cache-Control', IMMUTABLE);
    return next();
  });
  app.get('/assets/*', serveStatic({ root: clientDir, precompressed: true }));
  app.get('/assets/*', (c) => notFound(c));
  for (const path of ROOT_FILES) {
    app.get(path, async (c, next) => {
      c.header('Cache-Control', ROOT_FILE);
      return next();
    });
    app.get(path, serveStatic({ root: clientDir, precompressed: true }));
  }
  app.get('*', (c) => {
    // A path whose last segment has an extension asks for a file; app routes never have one.
    if (/\.[A-Za-z0-9]+$/.test(c.req.path)) return notFound(c);
    c.header('Cache-Control', HTML);
    return c.html(index);
  });
}
