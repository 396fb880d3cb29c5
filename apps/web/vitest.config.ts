import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    restoreMocks: true,
    projects: [
      {
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'app',
          environment: 'happy-dom',
          include: ['src/**/*.test.ts'],
          setupFiles: ['src/test-setup.ts'],
          restoreMocks: true,
        },
      },
      // The build's own plugins run in Node, as vite runs them.
      { test: { name: 'build', environment: 'node', include: ['build/**/*.test.ts'] } },
    ],
  },
});
