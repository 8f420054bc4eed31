// Vitest: a fast unit project (WXT's fake browser, fake IndexedDB) and a browser end-to-end project.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { claimIndexPlugin } from './lib/claims/vite-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        // WxtVitest does not apply wxt.config's Vite plugins, so they are listed here again.
        plugins: [WxtVitest(), preact(), claimIndexPlugin()],
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**'],
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
