import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const outDir = new URL('./dist/web', import.meta.url).pathname;

/** Writes .br and .gz beside every text asset, so the server sends them pre-compressed. */
function precompress(): Plugin {
  return {
    name: 'twofold-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((f) => {
          const p = join(dir, f);
          return statSync(p).isDirectory() ? walk(p) : [p];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data));
      }
    },
  };
}

export default defineConfig({
  root: new URL('./src/web', import.meta.url).pathname,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    // Names each screen's files, so the server can preload the home page's code with the page.
    manifest: true,
    // Few, larger chunks: left alone, every Mantine component and icon a lazy screen shares becomes its own
    // file (~70 for the home page), and a browser fetches 6 at a time over HTTP/1.1, so a first screen waited
    // on round trips, not bytes. Now: the initial code in one file; the rest of Mantine, the icons and the app
    // code two screens share in one file each; each screen its own.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'shell', tags: ['$initial'], priority: 3 },
            { name: 'icons', test: /node_modules[\\/]@tabler[\\/]icons-react/, priority: 2 },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/](core|hooks)[\\/]/, priority: 1 },
            { name: 'common', test: /src[\\/]web[\\/]/, minShareCount: 2 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' } },
});
