/**
 * Debounces validation per document: a burst of changes validates once,
 * `delay` ms after the last one. A delay of 0 validates on the next turn of
 * the event loop (setImmediate, not a 0 ms timer, which Node makes at least
 * 1 ms): messages the JSON-RPC reader had already read are queued before
 * it, so a burst that arrived together still validates once.
 */
export class ValidationScheduler {
  private readonly timers = new Map<string, { readonly cancel: () => void }>();

  constructor(private readonly validate: (uri: string) => void) {}

  schedule(uri: string, delay: number): void {
    this.cancel(uri);
    const run = (): void => {
      this.timers.delete(uri);
      this.validate(uri);
    };
    if (delay <= 0) {
      const immediate = setImmediate(run);
      this.timers.set(uri, { cancel: () => clearImmediate(immediate) });
    } else {
      const timer = setTimeout(run, delay);
      this.timers.set(uri, { cancel: () => clearTimeout(timer) });
    }
  }

  cancel(uri: string): void {
    this.timers.get(uri)?.cancel();
    this.timers.delete(uri);
  }
}
