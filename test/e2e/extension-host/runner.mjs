// A tiny test runner for the extension host: no mocha. Tests run one after another; each
// prints `ok N - name` or `not ok N - name` (TAP-like) and run() rejects if any failed, which
// is the contract of `extensionTestsPath` (VS Code exits with a non-zero code).
import assert from 'node:assert/strict';

/** @typedef {{name: string, fn: () => Promise<void>}} Test */

/** @type {Test[]} */
const tests = [];

/** @param {string} name @param {() => Promise<void>} fn */
export function test(name, fn) {
  tests.push({ name, fn });
}

/**
 * Calls `probe` until it returns a truthy value (returned) or `timeoutMs` passes. Every wait in
 * the suite is one of these: the language server answers asynchronously, never after a fixed time.
 * @template T
 * @param {string} description
 * @param {() => Promise<T> | T} probe
 * @param {{timeoutMs?: number, intervalMs?: number, lastSeen?: () => unknown}} [options]
 * @returns {Promise<T>}
 */
export async function waitFor(description, probe, { timeoutMs = 15_000, intervalMs = 100, lastSeen } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() >= deadline) {
      const seen = lastSeen ? `\nlast seen: ${JSON.stringify(await lastSeen(), null, 1)}` : '';
      assert.fail(`timed out after ${timeoutMs} ms waiting until ${description}${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** @param {{before?: () => Promise<void>, after?: () => Promise<void>}} [hooks] */
export async function runAll({ before, after } = {}) {
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  console.log(`1..${tests.length}`);
  try {
    if (before) {
      try {
        await before();
      } catch (error) {
        console.log(`not ok 0 - setup: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        failed = tests.length;
      }
    }
    for (const [index, { name, fn }] of (failed > 0 ? [] : tests).entries()) {
      const t0 = Date.now();
      try {
        await fn();
        passed += 1;
        console.log(`ok ${index + 1} - ${name} (${Date.now() - t0} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`not ok ${index + 1} - ${name} (${Date.now() - t0} ms)`);
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        console.log(text.split('\n').map((line) => `  # ${line}`).join('\n'));
      }
    }
  } finally {
    if (after) await after().catch((error) => console.log(`# cleanup failed: ${String(error)}`));
  }
  console.log(`# extension-host suite: ${passed} passed, ${failed} failed in ${Date.now() - started} ms`);
  if (failed > 0 || passed !== tests.length) {
    throw new Error(`${failed} of ${tests.length} extension-host tests failed`);
  }
}
