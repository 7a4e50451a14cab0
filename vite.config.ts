import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client is built into dist/client and served by the Accord server itself.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:8080', '/collab': { target: 'ws://localhost:8080', ws: true } } },
});
