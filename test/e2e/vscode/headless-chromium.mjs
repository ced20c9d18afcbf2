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
