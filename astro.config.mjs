// @ts-check
import { defineConfig } from 'astro/config';
import { defaultClientConditions } from 'vite';
import { publishSettings } from './src/lib/publish.ts';
import atlasPublish from './scripts/astroPublish.ts';

// Where the site is published: SITE_URL (public address: QR codes, canonical links, previews,
// sitemap) and BASE_PATH (the host's folder, default: SITE_URL's path). See src/lib/publish.ts.
const publish = publishSettings(process.env);

// Static output only: dist/ works on any static file server, no server code.
export default defineConfig({
  output: 'static',
  // ATLAS_OUT_DIR: tests build variants (e.g. with a hostile input) without touching dist/
  outDir: process.env.ATLAS_OUT_DIR ?? './dist',
  site: publish.site,
  base: publish.base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  integrations: [atlasPublish(publish)],
  vite: {
    // deck.gl ships a WebGL-only build (no WebGPU code paths): we render with WebGL2 only
    resolve: { conditions: ['visgl:webgl-only', ...defaultClientConditions] },
    build: {
      chunkSizeWarningLimit: 2000,
      rollupOptions: {
        output: {
          // Emitted files keep Astro's names, except that an .mjs (MapLibre's worker) is written
          // as .js: many static hosts (IIS, older nginx) serve .mjs as application/octet-stream,
          // and a module worker with the wrong MIME type never starts.
          assetFileNames: (info) => `_astro/[name].[hash]${/\.mjs$/.test(info.names[0] ?? '') ? '.js' : '[extname]'}`,
        },
      },
    },
  },
});
