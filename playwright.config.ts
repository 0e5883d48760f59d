import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './src/lib/chromium.ts';

// E2E_PORT lets several checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

/** End-to-end tests run against the production build (`npm run build` first), served by `astro preview`. */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // Two workers even on a 2-core machine: tests wait on the browser and the server more than they compute.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // Generous per-assertion and per-test limits: a loaded CI machine is slow, not broken. Assertions
  // still pass the moment the page is ready; only a real failure waits this long.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
      testIgnore: /mobile\.spec\.ts/,
    },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], launchOptions: chromiumLaunchOptions() },
      testMatch: /mobile\.spec\.ts/,
    },
  ],
  webServer: {
    command: `npx astro preview --port ${PORT} --host localhost`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
