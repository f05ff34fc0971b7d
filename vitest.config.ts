/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/globalSetup.ts'],
    // two files at a time on two cores (each browser file runs one Chromium and one live map at a
    // time; a build shared by several files is made once: tests/helpers/demoSite.ts)
    fileParallelism: true,
    maxWorkers: 2,
  },
});
