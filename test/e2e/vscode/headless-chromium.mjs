import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Debian's Chromium (never a downloaded one); CRMPLAN_E2E_CHROMIUM overrides it. */
export const chromiumPath = process.env.CRMPLAN_E2E_CHROMIUM ?? '/usr/bin/chromium';

// Flags for Chromium on a machine without a network (see the editors-offline notes):
// without the background-networking ones it keeps trying to reach Google's hosts.
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Starts headless Chromium as both real-editor checks need it. */
export function launchHeadlessChromium() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags, headless: true });
}

/** Debian's chromium, installed the way scripts/install-code-server.sh does when it is missing. */
export function ensureChromium() {
  if (existsSync(chromiumPath)) return true;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is not at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CRMPLAN_E2E_CHROMIUM.`);
    return false;
  }
  console.error('[headless-chromium] installing Debian package: chromium');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) return false;
  }
  return existsSync(chromiumPath);
}
