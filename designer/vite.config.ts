import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The designer app: root is `designer/`, the build goes to `designer/dist` (served by the server
 * at `/`). In development `/api` is proxied to the server on port 3000.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
