import { defineConfig } from 'vite';

// The single-page app for approvers, auditors and admins. Built into dist/web and served by the
// api at `/` (the API stays under /api/v1). No dev-only plugins: Vite's own transform handles TSX.
export default defineConfig({
  root: 'apps/web',
  base: '/',
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 4000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
