import { defineConfig } from 'vite';

// The single-page app for approvers, auditors and admins. Built into dist/web and served by the
// api at `/` (the API stays under /api/v1). No dev-only plugins: Vite's own transform handles TSX.
// scripts/build.mjs then writes Brotli and gzip siblings of the files (the api serves them by
// Accept-Encoding). The manifest (dist/web/.vite/manifest.json, never served) tells the weight
// test and `npm run bench:web` which chunk is the entry and which files are the diagram library.
// Vite's preload helper gets a chunk of its own: left in the entry, every chunk of the diagram
// library would import the entry, and so change name (and be downloaded and compressed again)
// whenever any page changed; alone, those chunks keep their names from one release to the next.
export default defineConfig({
  root: 'apps/web',
  base: '/',
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'preload-helper', test: /vite\/preload-helper/ }] } } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
