// The renderer's build: loaded from file:// by the Electron shell (so relative asset paths)
// and from the web face, both under a CSP with `script-src 'self'` and no eval.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The polyfill is an inline <script>, which the CSP forbids (Chromium needs no polyfill).
    modulePreload: { polyfill: false },
    // Every script and style as a file: nothing inline for the CSP to refuse.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'chrome130',
  },
});
