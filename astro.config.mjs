// @ts-check
import { defineConfig } from 'astro/config';
import { defaultClientConditions } from 'vite';

// Static output only: dist/ works on any static file server, no server code.
export default defineConfig({
  output: 'static',
  // ATLAS_OUT_DIR: tests build variants (e.g. with a hostile input) without touching dist/
  outDir: process.env.ATLAS_OUT_DIR ?? './dist',
  // The public address is a setting (QR codes, canonical links); override with SITE_URL.
  site: process.env.SITE_URL ?? 'https://water.example.gov.cn',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: {
    // deck.gl ships a WebGL-only build (no WebGPU code paths): we render with WebGL2 only
    resolve: { conditions: ['visgl:webgl-only', ...defaultClientConditions] },
    build: { chunkSizeWarningLimit: 2000 },
  },
});
