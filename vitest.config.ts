import { defineConfig } from 'vitest/config';

// Three layers, run in this order by `npm test`: pure units, integration on real ffmpeg and fake
// provider servers, and end-to-end through the browser host in Debian's Chromium.
export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/closingLineReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
