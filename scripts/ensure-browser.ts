/**
 * Mermaid diagrams are rendered in headless Chromium at build time and the e2e suite drives it,
 * so both need a browser and CJK fonts (without them Chinese labels are measured as blank boxes).
 * Playwright cannot download its own browser on these machines: where it has none we install
 * Debian's Chromium, as DEVELOPERS.md prescribes, or say exactly what to run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { findChromium } from '../src/lib/chromium.ts';

const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;
const canApt = has('apt-get', ['--version']);

const missing: string[] = [];
if (!findChromium()) missing.push('chromium');
const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
if (fonts.status === 0 && fonts.stdout.trim() === '') missing.push('fonts-noto-cjk');

if (missing.length === 0) process.exit(0);

if (isRoot && canApt) {
  console.log(`[ensure-browser] installing ${missing.join(', ')} with apt-get …`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  process.exit(0);
}

const hint = missing.includes('chromium')
  ? '  Debian/Ubuntu:  sudo apt-get install -y chromium fonts-noto-cjk\n  elsewhere:      npx playwright install chromium   (or set CHROMIUM_PATH=/path/to/chrome)'
  : '  install a Chinese font, e.g. sudo apt-get install -y fonts-noto-cjk';
const level = missing.includes('chromium') ? 'error' : 'warn';
console[level](`[ensure-browser] missing: ${missing.join(', ')}. Diagrams and e2e tests need them:\n${hint}`);
process.exit(level === 'error' ? 1 : 0);

