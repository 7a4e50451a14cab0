import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompressPlugin';

// The client is built into dist/client and served by the Accord server itself.
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Maps are written for our own debugging but not referenced by the bundle, and the server does not serve them.
    sourcemap: 'hidden',
    // The draft workspace chunk (TipTap, ProseMirror, Yjs, Lit) is ~600 kB; only the draft page loads it.
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/collab': { target: 'ws://localhost:8080', ws: true } } },
});
