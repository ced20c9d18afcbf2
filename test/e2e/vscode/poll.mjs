// Bounded polling: the end-to-end test waits for states, never for a fixed time.

export class PollTimeoutError extends Error {}

/**
 * Calls `probe` until it returns a truthy value (which is returned) or `timeoutMs` passes.
 * A probe that throws fails the poll at once: it means something broke, not "not yet".
 *
 * @template T
 * @param {string} description what is awaited, for the error message
 * @param {() => Promise<T> | T} probe
 * @param {{timeoutMs?: number, intervalMs?: number, lastSeen?: () => Promise<string> | string}} [options]
 * @returns {Promise<T>}
 */
export async function poll(description, probe, { timeoutMs = 15_000, intervalMs = 200, lastSeen } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() >= deadline) {
      const seen = lastSeen ? `\nlast seen: ${await lastSeen()}` : '';
      throw new PollTimeoutError(`timed out after ${timeoutMs} ms waiting until ${description}${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
