import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from 'playwright';

/** Flags that keep headless Chromium quiet on a machine with no network but the package registries. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export type ChromiumSource = 'env' | 'playwright' | 'system';

/**
 * `CHROMIUM_PATH` wins; then the browser Playwright downloaded, where it could; then Debian's
 * Chromium, for machines (like CI here) where Playwright cannot download one.
 */
export function findChromium(): { source: ChromiumSource; path: string } | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return { source: 'env', path: fromEnv };
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return { source: 'playwright', path: bundled };
  } catch {
    // Playwright throws when its browser registry has no entry for this platform.
  }
  return existsSync(SYSTEM_CHROMIUM) ? { source: 'system', path: SYSTEM_CHROMIUM } : undefined;
}

export function chromiumLaunchOptions(): LaunchOptions {
  const found = findChromium();
  // Playwright finds its own browser by itself; only other locations need an explicit path.
  const executablePath = found && found.source !== 'playwright' ? found.path : undefined;
  return { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) };
}
