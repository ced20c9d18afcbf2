// Bounded polling for the extension-host tests: the language server answers asynchronously,
// so every wait in the suite is one of these, never a fixed sleep. The same poll as the UI
// test's (../vscode/poll.mjs), bundled into the suite, with what was last seen as JSON.
import { poll } from '../vscode/poll.mjs';

/**
 * Calls `probe` until it returns a truthy value (returned) or `timeoutMs` passes; then throws
 * "timed out after N ms waiting until <description>" with the `lastSeen` value.
 * @template T
 * @param {string} description
 * @param {() => Promise<T> | T} probe
 * @param {{timeoutMs?: number, intervalMs?: number, lastSeen?: () => unknown}} [options]
 * @returns {Promise<T>}
 */
export function waitFor(description, probe, { timeoutMs = 15_000, intervalMs = 100, lastSeen } = {}) {
  const lastSeenJson = lastSeen && (async () => JSON.stringify(await lastSeen(), null, 1));
  return poll(description, probe, { timeoutMs, intervalMs, lastSeen: lastSeenJson });
}
