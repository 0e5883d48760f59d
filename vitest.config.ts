import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Mermaid rendering starts Chromium; give those tests room on a 2-core CI machine.
    testTimeout: 60_000,
  },
});
