import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { keepLastBuild } from './build/keep-last-build.js';

export default defineConfig({
  plugins: [svelte(), keepLastBuild()],
  build: {
    // The worker serves dist/ with `script-src 'self'; style-src 'self'` (public/_headers): no
    // inline scripts, so no inline modulepreload polyfill; CSS always in files.
    modulePreload: { polyfill: false },
    cssCodeSplit: true,
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
  },
});
